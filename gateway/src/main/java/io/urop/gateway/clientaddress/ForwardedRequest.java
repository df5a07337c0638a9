package io.urop.gateway.clientaddress;

import java.net.InetAddress;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request as the client made it, as {@link ClientAddressFilter} determined it once per request: the client's
 * address (null only without a TCP peer) and the protocol, host and port it asked for. A service learns these, and
 * only these, in the {@code X-Forwarded-*} headers of the call the gateway makes.
 */
public record ForwardedRequest(InetAddress client, String protocol, String host, String port) {

    static final String ATTRIBUTE = ForwardedRequest.class.getName();

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String FORWARDED_HOST = "X-Forwarded-Host";
    static final String FORWARDED_PORT = "X-Forwarded-Port";

    public static Optional<ForwardedRequest> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    /** Forwarded, X-Forwarded-* and X-Real-IP, whoever wrote them (any case). */
    public static boolean isForwardingHeader(String name) {
        return name.equalsIgnoreCase("forwarded") || name.regionMatches(true, 0, "x-forwarded-", 0, 12)
                || name.equalsIgnoreCase("x-real-ip");
    }

    /** Writes the gateway's own forwarding headers. */
    public void writeTo(HttpHeaders headers) {
        if (client != null) {
            headers.set(FORWARDED_FOR, client.getHostAddress());
        }
        headers.set(FORWARDED_PROTO, protocol);
        if (host != null) {
            headers.set(FORWARDED_HOST, host);
        }
        headers.set(FORWARDED_PORT, port);
    }
}
