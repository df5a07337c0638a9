package io.urop.gateway.ratelimit;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Each tenant's request budget, shared by every gateway instance, without a call to Redis on a request's path: counted
 * in memory and shared through Redis every {@code sync-interval} ({@link SyncedWindows}).
 */
@Component
class TenantBudgets {

    private final SyncedWindows windows;

    private final RateLimitProperties.Budget budget;

    TenantBudgets(SyncedWindows windows, RateLimitProperties properties) {
        this.windows = windows;
        this.budget = properties.perTenant();
    }

    /** Counts one request of {@code tenant}, unless its budget is used up. */
    Mono<Decision> acquire(String tenant) {
        return windows.acquire(new Window(RateLimitKeys.tenant(tenant), budget.limit(), budget.window()),
                budget.syncInterval());
    }
}
