package io.urop.gateway.ratelimit;

import io.urop.gateway.security.SecurityChainOrder;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One budget per tenant over every authenticated call, keyed by the verified token's {@code tid}
 * (never a header or body the client controls). Runs after the security chains, so it only ever sees
 * verified tokens. Tokens without a tenant (platform admins, services) are not counted here.
 */
@Component
class TenantRateLimitFilter implements WebFilter, Ordered {

    static final String TENANT_CLAIM = "tid";

    private final TenantBudgets budgets;

    private final TooManyRequests tooManyRequests;

    TenantRateLimitFilter(TenantBudgets budgets, TooManyRequests tooManyRequests) {
        this.budgets = budgets;
        this.tooManyRequests = tooManyRequests;
    }

    @Override
    public int getOrder() {
        return SecurityChainOrder.ORDER + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .mapNotNull(principal -> ((JwtAuthenticationToken) principal).getToken().getClaimAsString(TENANT_CLAIM))
                .map(budgets::acquire)
                .defaultIfEmpty(FixedWindowRateLimiter.Decision.ALLOWED)
                .flatMap(decision -> decision.allowed() ? chain.filter(exchange)
                        : tooManyRequests.write(exchange, decision, "This tenant's request budget is used up; retry after "
                                + decision.retryAfter().toSeconds() + " s"));
    }
}
