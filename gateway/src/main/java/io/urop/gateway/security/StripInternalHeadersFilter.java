package io.urop.gateway.security;

import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * {@code X-Urop-*} headers are the fleet's own: a client's copy is dropped at the edge, on every path,
 * so no service can ever mistake it for something the platform said.
 */
@Component
class StripInternalHeadersFilter implements WebFilter, Ordered {

    static final String PREFIX = "x-urop-";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> internal = exchange.getRequest().getHeaders().headerNames().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(PREFIX))
                .toList();
        if (internal.isEmpty()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> internal.forEach(headers::remove))
                .build();
        return chain.filter(exchange.mutate().request(request).build());
    }
}
