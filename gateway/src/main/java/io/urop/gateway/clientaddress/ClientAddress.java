package io.urop.gateway.clientaddress;

import java.net.InetAddress;
import java.util.Optional;

import org.springframework.web.server.ServerWebExchange;

/** The client's address as {@link ClientAddressFilter} resolved it for this request, once, for every reader. */
public final class ClientAddress {

    static final String ATTRIBUTE = ClientAddress.class.getName();

    private ClientAddress() {
    }

    /** Empty only when the connection had no peer address (never over TCP). */
    public static Optional<InetAddress> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
