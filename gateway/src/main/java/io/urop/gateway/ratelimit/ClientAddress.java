package io.urop.gateway.ratelimit;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client's IP as Spring Cloud Gateway resolved it: the TCP peer, or, only when that peer matches
 * {@code spring.cloud.gateway.server.webflux.trusted-proxies}, the first {@code X-Forwarded-For}
 * entry it sent (Reactor Netty's forwarded-header handling, which the gateway enables for trusted
 * peers only). A header sent by anyone else is never read.
 */
final class ClientAddress {

    static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    static String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return UNKNOWN;
        }
        InetAddress address = remote.getAddress();
        return address != null ? address.getHostAddress() : remote.getHostString();
    }
}
