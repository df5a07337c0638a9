package io.urop.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.urop.contracts.DenyList;
import io.urop.gateway.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gateway's in-memory copy of auth-service's revoked sessions, against a real Redis. */
class RevokedSessionsTest {

    private static final Duration STALE_AFTER = Duration.ofMillis(300);

    private final TestRedis testRedis = TestRedis.shared();
    private final ReactiveStringRedisTemplate redis = testRedis.template();
    private final RevokedSessions revoked = new RevokedSessions(redis, properties());

    @BeforeEach
    void streamAsAuthServiceStartsIt() {
        redis.opsForStream().add(DenyList.STREAM, Map.of("started", "auth-service")).block(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        revoked.stop();
        testRedis.close();
    }

    @Test
    void sessionsRevokedBeforeTheGatewayStartedAreKnownFromItsFirstRead() {
        String before = announce(Duration.ofMinutes(15));

        revoked.start();

        await().atMost(Duration.ofSeconds(5)).until(revoked::isCurrent);
        // only on the stream, no key: the answer comes from the copy in memory
        assertThat(isRevoked(before)).isTrue();
        assertThat(isRevoked(UUID.randomUUID().toString())).isFalse();
    }

    @Test
    void revocationsAreFollowedWithinAFewPolls() {
        revoked.start();
        await().atMost(Duration.ofSeconds(5)).until(revoked::isCurrent);

        String session = announce(Duration.ofMinutes(15));

        await().atMost(Duration.ofSeconds(1)).until(() -> isRevoked(session));
    }

    @Test
    void aListingPastItsEndIsForgotten() {
        String ended = announce(Duration.ofMinutes(-2));
        String current = announce(Duration.ofMinutes(15));

        revoked.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> revoked.isCurrent() && isRevoked(current));
        assertThat(isRevoked(ended)).isFalse();
    }

    @Test
    void onceTheStreamCannotBeFollowedEachRequestAsksRedis() throws InterruptedException {
        revoked.start();
        await().atMost(Duration.ofSeconds(5)).until(revoked::isCurrent);
        revoked.stop();
        Thread.sleep(STALE_AFTER.toMillis() + 50);

        String keyOnly = UUID.randomUUID().toString();
        redis.opsForValue().set(DenyList.key(keyOnly), "logout", Duration.ofMinutes(1))
                .block(Duration.ofSeconds(5));

        assertThat(revoked.isCurrent()).isFalse();
        assertThat(isRevoked(keyOnly)).isTrue();
    }

    @Test
    void withoutAStreamToFollowEachRequestAsksRedis() {
        redis.delete(DenyList.STREAM).block(Duration.ofSeconds(5));
        String keyOnly = UUID.randomUUID().toString();
        redis.opsForValue().set(DenyList.key(keyOnly), "logout", Duration.ofMinutes(1))
                .block(Duration.ofSeconds(5));

        revoked.start();

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !revoked.isCurrent());
        assertThat(isRevoked(keyOnly)).isTrue();
    }

    @Test
    void aStreamThatWentBackIsReadWholeAgain() {
        revoked.start();
        announce(Duration.ofMinutes(15));
        await().atMost(Duration.ofSeconds(5)).until(revoked::isCurrent);

        // a Redis restored from an old copy, at once: its entries have ids below the last one read
        String session = UUID.randomUUID().toString();
        redis.execute(RedisScript.of("""
                redis.call('DEL', KEYS[1])
                redis.call('XADD', KEYS[1], '1-1', 'sid', ARGV[1], 'until', ARGV[2])
                """), List.of(DenyList.STREAM),
                List.of(session, Long.toString(System.currentTimeMillis() + 60_000))).blockLast(Duration.ofSeconds(5));

        await().atMost(Duration.ofSeconds(2)).until(() -> isRevoked(session));
    }

    @Test
    void anEntryWhoseEndCannotBeReadStillListsItsSession() {
        String session = UUID.randomUUID().toString();
        redis.opsForStream().add(DenyList.STREAM, Map.of("sid", session, "until", "soon"))
                .block(Duration.ofSeconds(5));
        String after = announce(Duration.ofMinutes(15));

        revoked.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> revoked.isCurrent() && isRevoked(after));
        assertThat(isRevoked(session)).isTrue();
    }

    @Test
    void withoutRedisTheAnswerIsAnErrorNeverNotRevoked() {
        try (TestRedis unreachable = TestRedis.unreachable()) {
            RevokedSessions blind = new RevokedSessions(unreachable.template(), properties());
            blind.start();
            try {
                assertThat(blind.isCurrent()).isFalse();
                assertThat(blind.isRevoked(UUID.randomUUID().toString()).onErrorReturn(true)
                        .block(Duration.ofSeconds(5))).isTrue();
            } finally {
                blind.stop();
            }
        }
    }

    private boolean isRevoked(String session) {
        return Boolean.TRUE.equals(revoked.isRevoked(session).block(Duration.ofSeconds(5)));
    }

    /** A stream entry as auth-service appends it, listed for {@code listedFor} from now. */
    private String announce(Duration listedFor) {
        String session = UUID.randomUUID().toString();
        redis.opsForStream().add(DenyList.STREAM, Map.of("sid", session,
                "until", Long.toString(System.currentTimeMillis() + listedFor.toMillis())))
                .block(Duration.ofSeconds(5));
        return session;
    }

    private static GatewaySecurityProperties properties() {
        return new GatewaySecurityProperties(List.of(), URI.create("http://127.0.0.1/jwks.json"), "urop-auth", "urop",
                Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofMinutes(15),
                Duration.ofMinutes(1), Duration.ofMillis(50), STALE_AFTER);
    }
}
