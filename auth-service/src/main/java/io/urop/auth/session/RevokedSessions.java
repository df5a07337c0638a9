package io.urop.auth.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.urop.auth.token.TokenProperties;
import io.urop.security.AccessTokenVerifier;
import io.urop.security.SessionDenyList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The deny-list the gateway checks on every request: a revoked session's id stays listed for as long
 * as any access token of it can still be valid. Written before the revocation commits, so a crash in
 * between can only list a session that is still open (it then has to sign in again), never the reverse.
 *
 * <p>Each revocation is two writes, made atomically by one script: the key {@code <prefix><sid>} (read
 * directly by whoever cannot follow the stream) and an entry on the stream {@value #STREAM}, which the
 * gateway follows to keep the list in its own memory, and reads whole when it starts. Each entry says
 * until when its session is listed. The stream is trimmed to the entries that may still be in force: by
 * the longest listing there is (a table session's, as diners' tokens outlive staff's), whatever the entry
 * being added, so that a sign-in session's short listing never trims a longer one still in force, which a
 * gateway that restarts would then not learn of. auth-service marks its start on the stream, so that it exists
 * before the first revocation: a gateway takes a missing stream for an auth-service that does not write
 * one, and reads the keys instead.
 */
@Component
public class RevokedSessions {

    private static final Logger log = LoggerFactory.getLogger(RevokedSessions.class);

    /** The stream of revocations (fields {@code sid}, {@code until}); keep in step with the gateway's mirror. */
    public static final String STREAM = "urop:auth:revoked-sessions";

    /**
     * KEYS: the session's key, the stream. ARGV: the session id, the reason, how long it is listed (ms), how long
     * any listing lasts at most (ms): entries older than that are over, whichever session they name.
     */
    private static final RedisScript<Void> REVOKE = RedisScript.of("""
            local listed_for = tonumber(ARGV[3])
            local longest_listing = tonumber(ARGV[4])
            redis.call('SET', KEYS[1], ARGV[2], 'PX', listed_for)
            local now = redis.call('TIME')
            local now_ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
            redis.call('XADD', KEYS[2], 'MINID', '~', tostring(now_ms - longest_listing), '*',
                       'sid', ARGV[1], 'until', tostring(now_ms + listed_for))
            """);

    private final StringRedisTemplate redis;
    private final Duration signInListing;
    private final Duration tableSessionListing;
    private final Duration longestListing;

    RevokedSessions(StringRedisTemplate redis, TokenProperties tokens) {
        this.redis = redis;
        this.signInListing = tokens.accessTokenTtl().plus(AccessTokenVerifier.CLOCK_SKEW);
        this.tableSessionListing = tokens.dinerTokenTtl().plus(AccessTokenVerifier.CLOCK_SKEW);
        this.longestListing = signInListing.compareTo(tableSessionListing) >= 0 ? signInListing : tableSessionListing;
    }

    /** Lists a sign-in session, whose access tokens live {@code accessTokenTtl}. */
    public void add(UUID sessionId, String reason) {
        list(sessionId, reason, signInListing);
    }

    /** Lists a table session, whose diners' tokens live {@code dinerTokenTtl}. */
    public void addTableSession(UUID tableSessionId, String reason) {
        list(tableSessionId, reason, tableSessionListing);
    }

    private void list(UUID sessionId, String reason, Duration listedFor) {
        redis.execute(REVOKE, List.of(SessionDenyList.key(sessionId), STREAM), sessionId.toString(), reason,
                Long.toString(listedFor.toMillis()), Long.toString(longestListing.toMillis()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void markStart() {
        try {
            redis.opsForStream().add(STREAM, Map.of("started", Instant.now().toString()));
        } catch (RuntimeException e) {
            log.warn("Could not mark this instance's start on {} (the gateway reads the revocation keys until a "
                    + "revocation creates it): {}", STREAM, e.toString());
        }
    }

    public boolean contains(UUID sessionId) {
        return Boolean.TRUE.equals(redis.hasKey(SessionDenyList.key(sessionId)));
    }
}
