package io.urop.auth.session;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.urop.auth.RedisKeys;
import io.urop.auth.token.TokenProperties;
import io.urop.contracts.DenyList;
import io.urop.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream a gateway reads whole when it starts: whatever is trimmed from it, a gateway that restarts no longer
 * refuses. Against a Redis database of its own, so that it can lay out entries written hours ago.
 */
class RevocationStreamTest {

    private static final Duration SIGN_IN_LISTING = Duration.ofMinutes(15).plusSeconds(30);
    private static final Duration TABLE_SESSION_LISTING = Duration.ofHours(3).plusSeconds(30);

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private final RevokedSessions revoked = new RevokedSessions(redis, new TokenProperties("urop-auth", "urop",
            Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofDays(30), Duration.ofSeconds(15),
            Duration.ofMinutes(10), Duration.ofHours(3)));

    @BeforeAll
    static void aDatabaseOfItsOwn() {
        URI server = URI.create(TestInfrastructure.get().redisUrl());
        RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(server.getHost(), server.getPort());
        configuration.setDatabase(15);
        connections = new LettuceConnectionFactory(configuration);
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void close() {
        connections.destroy();
    }

    @BeforeEach
    void noRevocationsYet() {
        redis.delete(RedisKeys.REVOCATION_STREAM);
    }

    @Test
    void aSignInsShortListingKeepsTheTableSessionsListedLongerOnTheStream() {
        long now = redisNow();
        // sign-ins revoked four hours ago (over long since), then table sessions closed an hour ago (still in force)
        List<UUID> overLongAgo = listedAt(now - Duration.ofHours(4).toMillis(), SIGN_IN_LISTING, 150);
        List<UUID> stillListed = listedAt(now - Duration.ofHours(1).toMillis(), TABLE_SESSION_LISTING, 150);

        UUID signIn = UUID.randomUUID();
        revoked.add(signIn, "logout");

        Map<String, Long> onTheStream = listedUntil();
        assertThat(onTheStream).containsKeys(stillListed.stream().map(UUID::toString).toArray(String[]::new));
        assertThat(onTheStream.get(signIn.toString()) - now)
                .isBetween(SIGN_IN_LISTING.toMillis(), SIGN_IN_LISTING.toMillis() + 5_000);
        // what can no longer be in force still goes (whole nodes of the stream at a time)
        assertThat(onTheStream).doesNotContainKey(overLongAgo.get(0).toString());
    }

    @Test
    void aTableSessionIsListedForAsLongAsItsDinersTokensLive() {
        UUID tableSession = UUID.randomUUID();
        long now = redisNow();

        revoked.addTableSession(tableSession, "table-session-closed");

        assertThat(redis.getExpire(DenyList.key(tableSession)))
                .isBetween(TABLE_SESSION_LISTING.toSeconds() - 5, TABLE_SESSION_LISTING.toSeconds());
        assertThat(listedUntil().get(tableSession.toString()) - now)
                .isBetween(TABLE_SESSION_LISTING.toMillis(), TABLE_SESSION_LISTING.toMillis() + 5_000);
    }

    /** Entries as {@link RevokedSessions} writes them, one a millisecond from {@code at}. */
    private List<UUID> listedAt(long at, Duration listedFor, int sessions) {
        List<UUID> listed = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            UUID session = UUID.randomUUID();
            long addedAt = at + i;
            redis.opsForStream().add(StreamRecords.string(Map.of("sid", session.toString(),
                            "until", Long.toString(addedAt + listedFor.toMillis())))
                    .withStreamKey(RedisKeys.REVOCATION_STREAM).withId(RecordId.of(addedAt, 0)));
            listed.add(session);
        }
        return listed;
    }

    private Map<String, Long> listedUntil() {
        Map<String, Long> until = new HashMap<>();
        for (MapRecord<String, Object, Object> entry : redis.opsForStream().range(RedisKeys.REVOCATION_STREAM,
                Range.unbounded())) {
            until.put((String) entry.getValue().get("sid"), Long.parseLong((String) entry.getValue().get("until")));
        }
        return until;
    }

    private static long redisNow() {
        return redis.execute((RedisCallback<Long>) connection -> connection.serverCommands().time());
    }
}
