package io.urop.gateway.ratelimit;

import java.time.Duration;
import java.util.function.Supplier;

import io.urop.gateway.TestRedis;
import reactor.core.publisher.Mono;

/** One gateway instance's budgets on a Redis, outside any Spring context; its sync loop is not started. */
final class GatewayInstance {

    final SyncedWindows windows;
    final TenantBudgets tenants;
    final DinerBudgets diners;

    GatewayInstance(TestRedis redis, RateLimitProperties properties) {
        windows = new SyncedWindows(redis.template(), new FixedWindowRateLimiter(redis.template()), properties);
        tenants = new TenantBudgets(windows, properties);
        diners = new DinerBudgets(windows, properties);
    }

    /** One round of the sync loop (an unreachable Redis takes a few seconds to give up on). */
    void sync() {
        windows.sync().block(Duration.ofSeconds(10));
    }

    /** How many of {@code requests} made one after another are admitted. */
    static int admitted(int requests, Supplier<Mono<Decision>> request) {
        int admitted = 0;
        for (int i = 0; i < requests; i++) {
            if (request.get().block(Duration.ofSeconds(10)).allowed()) {
                admitted++;
            }
        }
        return admitted;
    }
}
