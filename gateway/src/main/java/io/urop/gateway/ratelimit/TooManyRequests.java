package io.urop.gateway.ratelimit;

import io.urop.gateway.problem.ProblemResponses;
import io.urop.gateway.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** The 429 answer: problem+json with {@code Retry-After}, the seconds until the window frees. */
@Component
class TooManyRequests {

    private final ProblemResponses problems;

    TooManyRequests(ProblemResponses problems) {
        this.problems = problems;
    }

    Mono<Void> write(ServerWebExchange exchange, Decision decision, String detail) {
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, Problems.TOO_MANY_REQUESTS, "Too many requests",
                detail, decision.retryAfter());
    }
}
