package io.urop.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.urop.contracts.AccessTokenClaims;
import io.urop.contracts.Role;
import io.urop.gateway.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** A diner's two budgets, its token's and its table session's, counted in memory and shared through a real Redis. */
class DinerBudgetsTest {

    private static final int TOKEN_LIMIT = 8;

    private static final int TABLE_SESSION_LIMIT = 12;

    private final TestRedis testRedis = TestRedis.shared();
    private final String tableSession = UUID.randomUUID().toString();

    @AfterEach
    void close() {
        testRedis.close();
    }

    @Test
    void aTokenOverItsBudgetIsRefusedWhileAnotherOfItsTableSessionPassesUntilTheSessionsBudgetIsUsedUp() {
        GatewayInstance gateway = instance(testRedis);
        Jwt first = diner(tableSession);

        assertThat(admit(gateway, first, TOKEN_LIMIT + 3)).isEqualTo(TOKEN_LIMIT);
        Decision refused = gateway.diners.acquire(first).block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60));

        // the first token's refused requests did not spend the table's budget
        assertThat(admit(gateway, diner(tableSession), TABLE_SESSION_LIMIT))
                .isEqualTo(TABLE_SESSION_LIMIT - TOKEN_LIMIT);
        assertThat(admit(gateway, diner(tableSession), 1)).as("a third phone of the table").isZero();
        assertThat(admit(gateway, diner(UUID.randomUUID().toString()), 1)).as("another table").isOne();
    }

    @Test
    void twoInstancesShareATableSessionsBudgetOnceTheyHaveSynced() {
        GatewayInstance first = instance(testRedis);
        GatewayInstance second = instance(testRedis);

        assertThat(admit(first, diner(tableSession), 6)).isEqualTo(6);
        first.sync();
        assertThat(admit(second, diner(tableSession), 1)).isOne();
        second.sync();

        // the second instance now knows of the first one's six
        assertThat(admit(second, diner(tableSession), TOKEN_LIMIT)).isEqualTo(TABLE_SESSION_LIMIT - 7);
        second.sync();
        assertThat(admit(first, diner(tableSession), 1)).as("the first instance learns the total when it next hands over")
                .isOne();
        first.sync();
        assertThat(admit(first, diner(tableSession), 1)).isZero();
    }

    @Test
    void twoInstancesShareATokensBudgetOnceTheyHaveSynced() {
        GatewayInstance first = instance(testRedis);
        GatewayInstance second = instance(testRedis);
        Jwt diner = diner(tableSession);

        assertThat(admit(first, diner, 5)).isEqualTo(5);
        first.sync();
        assertThat(admit(second, diner, 1)).isOne();
        second.sync();

        assertThat(admit(second, diner, TOKEN_LIMIT)).isEqualTo(TOKEN_LIMIT - 6);
    }

    @Test
    void withoutRedisEachInstanceStillHoldsADinerToBothItsBudgets() {
        try (TestRedis unreachable = TestRedis.unreachable()) {
            GatewayInstance alone = instance(unreachable);
            assertThat(admit(alone, diner(tableSession), TOKEN_LIMIT + 1)).isEqualTo(TOKEN_LIMIT);
            alone.sync();

            assertThat(admit(alone, diner(tableSession), TABLE_SESSION_LIMIT))
                    .isEqualTo(TABLE_SESSION_LIMIT - TOKEN_LIMIT);
        }
    }

    private static int admit(GatewayInstance gateway, Jwt diner, int requests) {
        return GatewayInstance.admitted(requests, () -> gateway.diners.acquire(diner));
    }

    /** A new diner token of the table session, as each scan of the table's code mints one. */
    private static Jwt diner(String tableSession) {
        return Jwt.withTokenValue("header.claims." + UUID.randomUUID())
                .header("alg", "ES256")
                .jti(UUID.randomUUID().toString())
                .claim(AccessTokenClaims.SESSION, tableSession)
                .claim(AccessTokenClaims.ROLES, List.of(Role.DINER.name()))
                .issuedAt(Instant.now())
                .build();
    }

    private static GatewayInstance instance(TestRedis redis) {
        return new GatewayInstance(redis, new RateLimitProperties(Map.of(),
                new RateLimitProperties.Budget(6000, Duration.ofMinutes(1), Duration.ofMillis(100)),
                new RateLimitProperties.DinerLimits(TABLE_SESSION_LIMIT, TOKEN_LIMIT, Duration.ofMinutes(1),
                        Duration.ofMillis(100)), 1000));
    }
}
