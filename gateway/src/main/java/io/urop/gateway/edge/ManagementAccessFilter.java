package io.urop.gateway.edge;

import io.urop.gateway.problem.ProblemResponses;
import io.urop.gateway.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.IpAddressServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The gateway's actuator endpoints (metrics name every route, service and breaker) are for the
 * platform's monitoring, not for the internet: apart from the health probes, which a load balancer
 * may ask from anywhere, they answer only callers in {@code urop.gateway.management.allowed-networks}.
 * Anyone else gets the 404 of an unknown path.
 */
@Component
class ManagementAccessFilter implements WebFilter, Ordered {

    private static final PathPattern ACTUATOR = PathPatternParser.defaultInstance.parse("/actuator/**");

    private static final PathPattern PROBES = PathPatternParser.defaultInstance.parse("/actuator/health/**");

    private final ServerWebExchangeMatcher allowed;

    private final ProblemResponses problems;

    ManagementAccessFilter(ManagementProperties properties, ProblemResponses problems) {
        this.allowed = new OrServerWebExchangeMatcher(properties.allowedNetworks().stream()
                .<ServerWebExchangeMatcher>map(IpAddressServerWebExchangeMatcher::new).toList());
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 4;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (!ACTUATOR.matches(path) || PROBES.matches(path)) {
            return chain.filter(exchange);
        }
        return allowed.matches(exchange).flatMap(match -> match.isMatch() ? chain.filter(exchange)
                : problems.write(exchange, HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", "No such resource"));
    }
}
