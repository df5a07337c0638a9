package io.urop.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.urop.gateway.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant budgets counted in each gateway instance's memory and shared through a real Redis.
 */
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
        Instance first = new Instance(testRedis, Duration.ofMinutes(1));
        Instance second = new Instance(testRedis, Duration.ofMinutes(1));

        assertThat(first.admit(tenant, 6)).isEqualTo(6);
        first.sync();
        assertThat(second.admit(tenant, 1)).isOne();
        second.sync();

        // the second instance now knows of the first one's six
        assertThat(second.admit(tenant, 10)).isEqualTo(3);
        second.sync();
        first.sync();
        assertThat(first.admit(tenant, 1)).as("the first instance learns the total when it next hands over").isOne();
        first.sync();
        assertThat(first.admit(tenant, 1)).isZero();
        assertThat(new Instance(testRedis, Duration.ofMinutes(1)).admit(UUID.randomUUID().toString(), 1))
                .as("another tenant").isOne();
    }

    @Test
    void aRefusalSaysWhenTheWindowFrees() {
        Instance instance = new Instance(testRedis, Duration.ofMinutes(1));
        instance.admit(tenant, LIMIT);

        Decision refused = instance.gateway.tenants.acquire(tenant).block();

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60));
    }

    @Test
    void aNewWindowStartsAFreshBudget() throws InterruptedException {
        Instance instance = new Instance(testRedis, Duration.ofMillis(400));
        assertThat(instance.admit(tenant, LIMIT + 1)).isEqualTo(LIMIT);
        instance.sync();

        Thread.sleep(500);

        assertThat(instance.admit(tenant, LIMIT + 1)).isEqualTo(LIMIT);
    }

    @Test
    void withoutRedisEachInstanceStillHoldsATenantToItsWholeBudget() {
        try (TestRedis unreachable = TestRedis.unreachable()) {
            Instance alone = new Instance(unreachable, Duration.ofMinutes(1));
            assertThat(alone.admit(tenant, 4)).isEqualTo(4);
            alone.sync();

            assertThat(alone.admit(tenant, LIMIT)).isEqualTo(LIMIT - 4);
        }
    }

    /** One gateway instance's tenant budgets. */
    private static final class Instance {

        final GatewayInstance gateway;

        Instance(TestRedis redis, Duration window) {
            gateway = new GatewayInstance(redis, new RateLimitProperties(Map.of(),
                    new RateLimitProperties.Budget(LIMIT, window, Duration.ofMillis(100)),
                    new RateLimitProperties.DinerLimits(360, 120, Duration.ofMinutes(1), Duration.ofMillis(100)), 1000));
        }

        int admit(String tenant, int requests) {
            return GatewayInstance.admitted(requests, () -> gateway.tenants.acquire(tenant));
        }

        void sync() {
            gateway.sync();
        }
    }
}
