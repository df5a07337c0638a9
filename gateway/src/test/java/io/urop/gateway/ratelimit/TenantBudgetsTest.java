package io.urop.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.urop.gateway.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenant budgets counted in each gateway instance's memory and shared through a real Redis. */
class TenantBudgetsTest {

    private static final int LIMIT = 10;

    private final TestRedis testRedis = TestRedis.shared();
    private final String tenant = UUID.randomUUID().toString();

    @AfterEach
    void close() {
        testRedis.close();
    }

    @Test
    void twoInstancesShareOneBudgetOnceTheyHaveSynced() {
        TenantBudgets first = budgets(testRedis, Duration.ofMinutes(1));
        TenantBudgets second = budgets(testRedis, Duration.ofMinutes(1));

        assertThat(admit(first, 6)).isEqualTo(6);
        first.sync().block(Duration.ofSeconds(5));
        assertThat(admit(second, 1)).isOne();
        second.sync().block(Duration.ofSeconds(5));

        // the second instance now knows of the first one's six
        assertThat(admit(second, 10)).isEqualTo(3);
        second.sync().block(Duration.ofSeconds(5));
        first.sync().block(Duration.ofSeconds(5));
        assertThat(admit(first, 1)).as("the first instance learns the total when it next hands over").isOne();
        first.sync().block(Duration.ofSeconds(5));
        assertThat(admit(first, 1)).isZero();
        assertThat(budgets(testRedis, Duration.ofMinutes(1)).acquire(UUID.randomUUID().toString()).allowed())
                .as("another tenant").isTrue();
    }

    @Test
    void aRefusalSaysWhenTheWindowFrees() {
        TenantBudgets budgets = budgets(testRedis, Duration.ofMinutes(1));
        admit(budgets, LIMIT);

        Decision refused = budgets.acquire(tenant);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60));
    }

    @Test
    void aNewWindowStartsAFreshBudget() throws InterruptedException {
        TenantBudgets budgets = budgets(testRedis, Duration.ofMillis(400));
        assertThat(admit(budgets, LIMIT + 1)).isEqualTo(LIMIT);
        budgets.sync().block(Duration.ofSeconds(5));

        Thread.sleep(500);

        assertThat(admit(budgets, LIMIT + 1)).isEqualTo(LIMIT);
    }

    @Test
    void withoutRedisEachInstanceStillHoldsATenantToItsWholeBudget() {
        try (TestRedis unreachable = TestRedis.unreachable()) {
            TenantBudgets alone = budgets(unreachable, Duration.ofMinutes(1));
            assertThat(admit(alone, 4)).isEqualTo(4);
            alone.sync().block(Duration.ofSeconds(10));

            assertThat(admit(alone, LIMIT)).isEqualTo(LIMIT - 4);
        }
    }

    private int admit(TenantBudgets budgets, int requests) {
        int admitted = 0;
        for (int i = 0; i < requests; i++) {
            if (budgets.acquire(tenant).allowed()) {
                admitted++;
            }
        }
        return admitted;
    }

    private static TenantBudgets budgets(TestRedis redis, Duration window) {
        return new TenantBudgets(redis.template(), new RateLimitProperties(Map.of(),
                new RateLimitProperties.Budget(LIMIT, window, Duration.ofMillis(100)),
                new RateLimitProperties.DinerLimits(360, 120, Duration.ofMinutes(1))));
    }
}
