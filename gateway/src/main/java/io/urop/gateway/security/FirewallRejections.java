package io.urop.gateway.security;

import io.urop.gateway.problem.ProblemResponses;
import io.urop.gateway.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Security's firewall refuses paths that could match a public pattern yet reach something
 * else ({@code ..}, {@code //}, encoded {@code /} or {@code .}, {@code ;}...): answered 400 problem
 * like any other bad request instead of an empty 400.
 */
@Component
class FirewallRejections implements ServerExchangeRejectedHandler {

    private final ProblemResponses problems;

    FirewallRejections(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return problems.write(exchange, HttpStatus.BAD_REQUEST, Problems.BAD_REQUEST, "Bad request",
                "The request path or headers are not allowed");
    }
}
