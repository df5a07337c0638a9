package io.urop.gateway.problem;

import java.time.Duration;

import io.urop.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every error that reaches the top of the gateway (unknown path, bad method, a failure outside a
 * route's circuit breaker) is answered as {@code application/problem+json}: never a whitelabel page,
 * never a stack trace or an exception message from inside the gateway.
 */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1)
class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    private final ProblemResponses problems;

    private final Duration retryAfter;

    ProblemErrorWebExceptionHandler(ProblemResponses problems, GatewayProperties properties) {
        this.problems = problems;
        this.retryAfter = properties.retryAfter();
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        return InRequestTrace.run(() -> answer(exchange, error));
    }

    private Mono<Void> answer(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode code = error instanceof ResponseStatusException rse ? rse.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status == HttpStatus.NOT_FOUND) {
            return problems.write(exchange, status, Problems.NOT_FOUND, "Not found", "No such resource");
        }
        if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            return problems.write(exchange, status, Problems.METHOD_NOT_ALLOWED, "Method not allowed",
                    "Method " + exchange.getRequest().getMethod() + " is not supported here");
        }
        if (status == HttpStatus.CONTENT_TOO_LARGE) {
            return problems.write(exchange, status, Problems.PAYLOAD_TOO_LARGE, "Payload too large",
                    "The request body is too large");
        }
        if (status.is4xxClientError()) {
            return problems.write(exchange, status, Problems.BAD_REQUEST, status.getReasonPhrase(),
                    "The request was rejected: " + status.getReasonPhrase());
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            log.warn("Service unavailable for {}: {}", ProblemResponses.publicPath(exchange), error.getMessage());
            return problems.write(exchange, status, Problems.SERVICE_UNAVAILABLE, "Service unavailable",
                    "The service for this request is unavailable; retry later", retryAfter);
        }
        if (status == HttpStatus.GATEWAY_TIMEOUT) {
            log.warn("Gateway timeout for {}: {}", ProblemResponses.publicPath(exchange), error.getMessage());
            return problems.write(exchange, status, Problems.GATEWAY_TIMEOUT, "Gateway timeout",
                    "The service for this request did not answer in time");
        }
        log.error("Unexpected error for {} {}", exchange.getRequest().getMethod(), ProblemResponses.publicPath(exchange),
                error);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, Problems.UNEXPECTED, "Unexpected error",
                "The request could not be completed. It has been logged.");
    }
}
