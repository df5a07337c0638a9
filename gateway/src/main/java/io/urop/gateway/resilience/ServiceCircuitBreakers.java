package io.urop.gateway.resilience;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.urop.gateway.GatewayProperties;
import io.urop.gateway.problem.InRequestTrace;
import io.urop.gateway.problem.ProblemResponses;
import io.urop.gateway.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds the filter that guards each call to a service: a Resilience4j bulkhead, circuit breaker and
 * time limiter (until the response headers arrive), and a fallback that answers
 * {@code application/problem+json}: 503 with {@code Retry-After} when the service cannot be reached,
 * has no registered instance, is shedding load or has its breaker open; 504 when it did not answer in
 * time. A WebSocket upgrade is passed through unguarded: its call lasts as long as the socket. A failure is logged per
 * call; load shed (bulkhead full, breaker open) once per service every few seconds ({@link SheddingLog}).
 */
@Component
public class ServiceCircuitBreakers {

    private static final Logger log = LoggerFactory.getLogger(ServiceCircuitBreakers.class);

    private final ReactiveCircuitBreakerFactory<?, ?> factory;

    private final ProblemResponses problems;

    private final Duration retryAfter;

    private final SheddingLog shedding = new SheddingLog(Clock.systemUTC());

    ServiceCircuitBreakers(ReactiveCircuitBreakerFactory<?, ?> factory, ProblemResponses problems,
            GatewayProperties properties) {
        this.factory = factory;
        this.problems = problems;
        this.retryAfter = properties.retryAfter();
    }

    /**
     * @param serviceId the service the route goes to, named in the problem answers
     * @param breakerId the breaker (and bulkhead) of this route
     */
    public GatewayFilter filter(String serviceId, String breakerId) {
        ReactiveCircuitBreaker breaker = factory.create(breakerId);
        return new GatewayFilter() {
            @Override
            public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
                if (isWebSocketUpgrade(exchange)) {
                    return chain.filter(exchange);
                }
                return breaker.run(chain.filter(exchange),
                        error -> InRequestTrace.run(() -> fallback(exchange, serviceId, error)));
            }

            @Override
            public String toString() {
                return "ServiceCircuitBreaker[" + breakerId + "]";
            }
        };
    }

    private Mono<Void> fallback(ServerWebExchange exchange, String serviceId, Throwable error) {
        if (exchange.getResponse().isCommitted()
                || (error instanceof ResponseStatusException rse && rse.getStatusCode().is4xxClientError())) {
            return Mono.error(error);
        }
        if (isTimeout(error)) {
            log.warn("{} did not answer {} {} in time", serviceId, exchange.getRequest().getMethod(),
                    ProblemResponses.publicPath(exchange));
            return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, Problems.GATEWAY_TIMEOUT, "Gateway timeout",
                    serviceId + " did not answer in time");
        }
        String detail;
        if (error instanceof NotFoundException) {
            detail = "No instance of " + serviceId + " is available";
        }
        else if (error instanceof CallNotPermittedException) {
            detail = serviceId + " is failing; calls are paused for a few seconds";
        }
        else if (error instanceof BulkheadFullException) {
            detail = serviceId + " is busy; too many calls are in flight";
        }
        else {
            detail = serviceId + " could not be reached";
        }
        String method = exchange.getRequest().getMethod().name();
        String path = ProblemResponses.publicPath(exchange);
        if (error instanceof CallNotPermittedException || error instanceof BulkheadFullException) {
            shedding.refused(serviceId, method, path, error.toString());
        }
        else {
            log.warn("{} unavailable for {} {}: {}", serviceId, method, path, error.toString());
        }
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                "Service unavailable", detail, retryAfter);
    }

    private static boolean isTimeout(Throwable error) {
        return error instanceof TimeoutException
                || (error instanceof ResponseStatusException rse
                        && rse.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value());
    }

    private static boolean isWebSocketUpgrade(ServerWebExchange exchange) {
        return "websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst(HttpHeaders.UPGRADE));
    }
}
