package io.urop.gateway.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.urop.gateway.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Windows counted in each gateway instance's memory and shared through a real Redis, with per client IP keys. */
class SyncedWindowsTest {

    private static final int LIMIT = 10;

    private static final Duration TICK = Duration.ofMillis(100);

    private final TestRedis testRedis = TestRedis.shared();

    @AfterEach
    void close() {
        testRedis.close();
    }

    @Test
    void twoInstancesShareOneClientsBudgetOnceTheyHaveSynced() throws UnknownHostException {
        SyncedWindows first = windows(testRedis, 1000);
        SyncedWindows second = windows(testRedis, 1000);
        UUID random = UUID.randomUUID();
        String network = "2001:db8:" + Long.toHexString(random.getMostSignificantBits() & 0xffff) + ":"
                + Long.toHexString(random.getLeastSignificantBits() & 0xffff) + "::";
        // two addresses of one IPv6 /64 are one client
        Window one = clientWindow(network + "1", Duration.ofMinutes(1));
        Window other = clientWindow(network + "2", Duration.ofMinutes(1));
        assertThat(one.key()).isEqualTo(other.key());

        assertThat(admit(first, one, 6)).isEqualTo(6);
        sync(first);
        assertThat(admit(second, other, 1)).isOne();
        sync(second);

        assertThat(admit(second, other, LIMIT)).isEqualTo(LIMIT - 7);
    }

    @Test
    void endedWindowsAreForgottenAtTheNextSyncAndTheirCountsWithThem() throws Exception {
        SyncedWindows windows = windows(testRedis, 1000);
        for (int i = 0; i < 50; i++) {
            admit(windows, clientWindow("2001:db8:" + Integer.toHexString(i) + "::1", Duration.ofMillis(300)), 1);
        }
        Window busy = new Window("test:" + UUID.randomUUID(), LIMIT, Duration.ofMinutes(1));
        admit(windows, busy, 3);
        sync(windows);
        assertThat(windows.keysInMemory()).isEqualTo(51);

        Thread.sleep(400);
        sync(windows);

        assertThat(windows.keysInMemory()).as("only the window that has not ended").isOne();
        assertThat(admit(windows, busy, LIMIT)).isEqualTo(LIMIT - 3);
    }

    @Test
    void beyondItsCapAnInstanceCountsANewKeyPerRequestInRedisAndStillHoldsItToItsBudget() {
        SyncedWindows windows = windows(testRedis, 2);
        admit(windows, new Window("test:" + UUID.randomUUID(), LIMIT, Duration.ofMinutes(1)), 1);
        admit(windows, new Window("test:" + UUID.randomUUID(), LIMIT, Duration.ofMinutes(1)), 1);
        Window third = new Window("test:" + UUID.randomUUID(), LIMIT, Duration.ofMinutes(1));

        assertThat(admit(windows, third, 3)).isEqualTo(3);

        assertThat(windows.keysInMemory()).isEqualTo(2);
        assertThat(testRedis.template().opsForValue().get(third.key()).block())
                .as("counted in Redis at once, no sync needed").isEqualTo("3");
        assertThat(admit(windows, third, LIMIT)).isEqualTo(LIMIT - 3);
        Decision refused = windows.acquire(third, TICK).block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    @Test
    void aKeyIsSyncedAtEveryRoundItsSyncIntervalDividesAndEveryKeyAtEachRoundOfTheShortest() {
        SyncedWindows windows = windows(testRedis, 1000);
        Window everyTick = new Window("test:" + UUID.randomUUID(), LIMIT, Duration.ofMinutes(1));
        Window everyThirdTick = new Window("test:" + UUID.randomUUID(), LIMIT, Duration.ofMinutes(1));
        windows.acquire(everyTick, TICK).block();
        windows.acquire(everyThirdTick, TICK.multipliedBy(3)).block();

        windows.syncRound(1).block(Duration.ofSeconds(5));
        assertThat(testRedis.template().opsForValue().get(everyTick.key()).block()).isEqualTo("1");
        assertThat(testRedis.template().hasKey(everyThirdTick.key()).block()).isFalse();

        windows.syncRound(3).block(Duration.ofSeconds(5));
        assertThat(testRedis.template().opsForValue().get(everyThirdTick.key()).block()).isEqualTo("1");
    }

    private static Window clientWindow(String address, Duration length) throws UnknownHostException {
        return new Window(RateLimitKeys.clientIp("scan", Optional.of(InetAddress.getByName(address))), LIMIT, length);
    }

    private static int admit(SyncedWindows windows, Window window, int requests) {
        return GatewayInstance.admitted(requests, () -> windows.acquire(window, TICK));
    }

    private static void sync(SyncedWindows windows) {
        windows.sync().block(Duration.ofSeconds(5));
    }

    private static SyncedWindows windows(TestRedis redis, int maxKeys) {
        RateLimitProperties properties = new RateLimitProperties(Map.of(),
                new RateLimitProperties.Budget(6000, Duration.ofMinutes(1), TICK),
                new RateLimitProperties.DinerLimits(360, 120, Duration.ofMinutes(1), TICK), maxKeys);
        return new SyncedWindows(redis.template(), new FixedWindowRateLimiter(redis.template()), properties);
    }
}
