package io.urop.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.urop.gateway.clientaddress.ClientAddress;
import io.urop.gateway.security.SecurityChainOrder;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Per client IP budgets on the paths anyone may call without a token (login, sign-up, password
 * reset, the QR scan, the public menu): one counter per client and path group, the client as
 * {@link ClientAddress} resolved it (an IPv6 client by its /64). Runs before the security chains; CORS
 * preflights are not counted.
 */
@Component
class ClientIpRateLimitFilter implements WebFilter, Ordered {

    private final List<Group> groups;

    private final FixedWindowRateLimiter limiter;

    private final TooManyRequests tooManyRequests;

    ClientIpRateLimitFilter(RateLimitProperties properties, FixedWindowRateLimiter limiter,
            TooManyRequests tooManyRequests) {
        this.groups = properties.perClientIp().entrySet().stream()
                .map(entry -> new Group(entry.getKey(),
                        entry.getValue().paths().stream().map(PathPatternParser.defaultInstance::parse).toList(),
                        entry.getValue().limit(), entry.getValue().window()))
                .toList();
        this.limiter = limiter;
        this.tooManyRequests = tooManyRequests;
    }

    @Override
    public int getOrder() {
        return SecurityChainOrder.ORDER - 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (HttpMethod.OPTIONS.equals(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        Optional<Group> group = groupOf(exchange.getRequest().getPath().pathWithinApplication());
        if (group.isEmpty()) {
            return chain.filter(exchange);
        }
        Group matched = group.get();
        String key = RateLimitKeys.clientIp(matched.name(), ClientAddress.of(exchange));
        return limiter.acquire(key, matched.limit(), matched.window())
                .flatMap(decision -> decision.allowed() ? chain.filter(exchange)
                        : tooManyRequests.write(exchange, decision, "Too many " + matched.name()
                                + " requests from this address; retry after " + decision.retryAfter().toSeconds() + " s"));
    }

    private Optional<Group> groupOf(PathContainer path) {
        return groups.stream().filter(group -> group.paths().stream().anyMatch(p -> p.matches(path))).findFirst();
    }

    private record Group(String name, List<PathPattern> paths, int limit, Duration window) {
    }
}
