package io.urop.gateway.edge;

import io.urop.gateway.clientaddress.ForwardedRequest;
import io.urop.gateway.requestid.RequestIdFilter;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers of the call to a service (HTTP and WebSocket routes alike), written in one copy of the client's:
 * <ul>
 * <li>{@code X-Urop-*} headers are the fleet's own: a client's copy is dropped, so no service can ever mistake it for
 * something the platform said;</li>
 * <li>every {@code Forwarded}, {@code X-Forwarded-*} and {@code X-Real-IP} the client sent is dropped and the gateway's
 * own written instead ({@link ForwardedRequest});</li>
 * <li>{@code X-Request-Id} is the request's id ({@link RequestIdFilter}).</li>
 * </ul>
 * The filters that determine these only read the request: a request's headers are copied once here, rather than once
 * per filter that rewrote them ({@code ServerHttpRequest.mutate()} copies every header into a new map).
 */
@Component
class DownstreamRequestHeaders implements HttpHeadersFilter, Ordered {

    private static final String INTERNAL_PREFIX = "x-urop-";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!name.regionMatches(true, 0, INTERNAL_PREFIX, 0, INTERNAL_PREFIX.length())
                    && !ForwardedRequest.isForwardingHeader(name) && !name.equalsIgnoreCase(RequestIdFilter.HEADER)) {
                headers.put(name, values);
            }
        });
        ForwardedRequest.of(exchange).ifPresent(forwarded -> forwarded.writeTo(headers));
        String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        if (requestId != null) {
            headers.set(RequestIdFilter.HEADER, requestId);
        }
        return headers;
    }
}
