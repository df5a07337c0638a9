package io.urop.gateway.problem;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.urop.gateway.requestid.RequestIdFilter;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes an RFC 9457 {@code application/problem+json} answer straight onto an exchange, with the
 * application's own codecs (so it looks like every service's problems). {@code instance} is the
 * path the client asked for; {@code requestId} lets a client quote the call to support.
 */
@Component
public class ProblemResponses {

    private final ServerResponse.Context context;

    public ProblemResponses(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    /** The path the client asked for, before a route rewrote it (e.g. {@code /v3/api-docs/<service-id>}). */
    public static String publicPath(ServerWebExchange exchange) {
        Set<URI> original = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
        if (original != null && !original.isEmpty()) {
            return original.iterator().next().getRawPath();
        }
        return exchange.getRequest().getPath().value();
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type, String title, String detail) {
        return write(exchange, status, type, title, detail, null);
    }

    /** As {@link #write(ServerWebExchange, HttpStatus, URI, String, String)}, advising when to come back. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, URI type, String title, String detail,
            Duration retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        problem.setInstance(URI.create(publicPath(exchange)));
        String requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        // whatever a failed attempt left on the response must not mix with the problem
        exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        exchange.getResponse().getHeaders().remove(HttpHeaders.TRANSFER_ENCODING);
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers -> {
                    headers.setCacheControl("no-store");
                    if (retryAfter != null) {
                        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
                    }
                })
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context));
    }
}
