package io.urop.gateway.ratelimit;

import java.util.List;

import io.urop.contracts.AccessTokenClaims;
import io.urop.contracts.Role;
import io.urop.gateway.security.SecurityChainOrder;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The budget of every authenticated call, chosen from the verified token (never a header or body the client
 * controls): a diner's (role DINER) is its table session's and its own ({@link DinerBudgets}), anyone else's is
 * its tenant's ({@link TenantBudgets}, by {@code tid}), so diners never spend what the restaurant's staff need. Runs
 * after the security chains, so it only ever sees verified tokens. Tokens without a tenant (platform admins,
 * services) are not counted here.
 */
@Component
class AuthenticatedCallRateLimitFilter implements WebFilter, Ordered {

    private final TenantBudgets tenants;

    private final DinerBudgets diners;

    private final TooManyRequests tooManyRequests;

    AuthenticatedCallRateLimitFilter(TenantBudgets tenants, DinerBudgets diners, TooManyRequests tooManyRequests) {
        this.tenants = tenants;
        this.diners = diners;
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
                .flatMap(principal -> verdict(((JwtAuthenticationToken) principal).getToken()))
                .defaultIfEmpty(Verdict.ALLOWED)
                .flatMap(verdict -> verdict.decision().allowed() ? chain.filter(exchange)
                        : tooManyRequests.write(exchange, verdict.decision(), verdict.whose()
                                + " request budget is used up; retry after "
                                + verdict.decision().retryAfter().toSeconds() + " s"));
    }

    private Mono<Verdict> verdict(Jwt token) {
        List<String> roles = token.getClaimAsStringList(AccessTokenClaims.ROLES);
        if (roles != null && roles.contains(Role.DINER.name())) {
            return diners.acquire(token).map(decision -> new Verdict(decision, "This diner's"));
        }
        String tenant = token.getClaimAsString(AccessTokenClaims.TENANT);
        return tenant == null ? Mono.empty()
                : tenants.acquire(tenant).map(decision -> new Verdict(decision, "This tenant's"));
    }

    private record Verdict(Decision decision, String whose) {

        static final Verdict ALLOWED = new Verdict(Decision.ALLOWED, "");
    }
}
