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
 * <p>
 * A group with a {@code sync-interval} is counted in memory and shared through Redis ({@link SyncedWindows}): the
 * groups a busy dining room calls hundreds of times a minute from one address (the QR scan, the public menu, token
 * refresh) cost no Redis round trip. Their budgets guard capacity: gateway instances together may overshoot one by
 * what they admit within a sync interval (a burst spread over all of them at a window's start: up to the whole budget
 * on each), and a refresh token, 256 random bits, is not guessed faster for that. A group without one is counted per
 * request in Redis ({@link FixedWindowRateLimiter}), exact across instances: the small budgets that slow down guessing
 * and abuse (login, sign-up, password reset, invitations: 10 a minute), which n instances each granting the whole
 * budget would multiply, and whose few requests make the round trip cheap. With Redis unreachable, groups counted in
 * memory are still held to their budget by each instance alone; the others fail open.
 */
@Component
class ClientIpRateLimitFilter implements WebFilter, Ordered {

    private final List<Group> groups;

    private final FixedWindowRateLimiter perRequest;

    private final SyncedWindows inMemory;

    private final TooManyRequests tooManyRequests;

    ClientIpRateLimitFilter(RateLimitProperties properties, FixedWindowRateLimiter perRequest, SyncedWindows inMemory,
            TooManyRequests tooManyRequests) {
        this.groups = properties.perClientIp().entrySet().stream()
                .map(entry -> new Group(entry.getKey(),
                        entry.getValue().paths().stream().map(PathPatternParser.defaultInstance::parse).toList(),
                        entry.getValue().limit(), entry.getValue().window(), entry.getValue().syncInterval()))
                .toList();
        this.perRequest = perRequest;
        this.inMemory = inMemory;
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
        Window window = new Window(RateLimitKeys.clientIp(matched.name(), ClientAddress.of(exchange)), matched.limit(),
                matched.window());
        return (matched.syncInterval() == null ? perRequest.acquire(List.of(window))
                : inMemory.acquire(window, matched.syncInterval()))
                .flatMap(decision -> decision.allowed() ? chain.filter(exchange)
                        : tooManyRequests.write(exchange, decision, "Too many " + matched.name()
                                + " requests from this address; retry after " + decision.retryAfter().toSeconds() + " s"));
    }

    private Optional<Group> groupOf(PathContainer path) {
        return groups.stream().filter(group -> group.paths().stream().anyMatch(p -> p.matches(path))).findFirst();
    }

    /** {@code syncInterval}: null when counted per request in Redis. */
    private record Group(String name, List<PathPattern> paths, int limit, Duration window, Duration syncInterval) {
    }
}
