package io.urop.gateway.edge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.urop.gateway.GatewayProperties;
import io.urop.gateway.problem.ProblemResponses;
import io.urop.gateway.problem.Problems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Bodies larger than {@code urop.gateway.max-request-size} (or the path's own limit among
 * {@code urop.gateway.uploads}) are answered 413: at once when the
 * {@code Content-Length} says so (the body is never read nor passed on), otherwise (chunked) the
 * bytes are counted as they stream to the service and the call is cut when the limit is crossed.
 */
@Component
class RequestSizeLimitFilter implements WebFilter, Ordered {

    private final long defaultMaxBytes;

    private final Map<PathPattern, Long> uploads = new LinkedHashMap<>();

    private final ProblemResponses problems;

    RequestSizeLimitFilter(GatewayProperties properties, ProblemResponses problems) {
        this.defaultMaxBytes = properties.maxRequestSize().toBytes();
        properties.uploads().forEach(upload -> upload.paths().forEach(path ->
                uploads.put(PathPatternParser.defaultInstance.parse(path), upload.maxSize().toBytes())));
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 3;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long maxBytes = maxBytes(exchange);
        if (exchange.getRequest().getHeaders().getContentLength() > maxBytes) {
            return tooLarge(exchange, maxBytes);
        }
        AtomicBoolean exceeded = new AtomicBoolean();
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().map(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        exceeded.set(true);
                        throw new PayloadTooLargeException();
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(error -> exceeded.get() && !exchange.getResponse().isCommitted(),
                        error -> tooLarge(exchange, maxBytes));
    }

    private long maxBytes(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        return uploads.entrySet().stream().filter(upload -> upload.getKey().matches(path)).map(Map.Entry::getValue)
                .findFirst().orElse(defaultMaxBytes);
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long maxBytes) {
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE, "Payload too large",
                "The request body is larger than the limit of " + maxBytes + " bytes");
    }

    /** A client error (4xx), so a route's circuit breaker neither counts it nor answers it as the service's failure. */
    static final class PayloadTooLargeException extends ResponseStatusException {

        PayloadTooLargeException() {
            super(HttpStatus.CONTENT_TOO_LARGE);
        }
    }
}
