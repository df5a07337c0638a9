package io.urop.auth.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.urop.auth.RedisKeys;
import io.urop.auth.RedisScripts;
import io.urop.auth.token.TokenProperties;
import io.urop.security.AccessTokenVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The deny-list the gateway checks on every request: a revoked session's id stays listed for as long
 * as any access token of it can still be valid. Written before the revocation commits, so a crash in
 * between can only list a session that is still open (it then has to sign in again), never the reverse.
 *
 * <p>Each revocation is two writes, made atomically by one script ({@code redis/revoke-session.lua}): the session's
 * key (read directly by whoever cannot follow the stream) and an entry on the stream
 * {@link RedisKeys#REVOCATION_STREAM}, which the gateway follows to keep the list in its own memory, and reads whole
 * when it starts. Each entry says until when its session is listed. The stream is trimmed to the entries that may
 * still be in force: by the longest listing there is (a table session's, as diners' tokens outlive staff's), whatever
 * the entry being added, so that a sign-in session's short listing never trims a longer one still in force, which a
 * gateway that restarts would then not learn of. auth-service marks its start on the stream, so that it exists
 * before the first revocation: a gateway takes a missing stream for an auth-service that does not write
 * one, and reads the keys instead.
 */
@Component
public class RevokedSessions {

    private static final Logger log = LoggerFactory.getLogger(RevokedSessions.class);

    private static final RedisScript<Void> REVOKE = RedisScripts.read("revoke-session");

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
        redis.execute(REVOKE, List.of(RedisKeys.revokedSession(sessionId), RedisKeys.REVOCATION_STREAM),
                sessionId.toString(), reason, Long.toString(listedFor.toMillis()),
                Long.toString(longestListing.toMillis()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void markStart() {
        try {
            redis.opsForStream().add(RedisKeys.REVOCATION_STREAM, Map.of("started", Instant.now().toString()));
        } catch (DataAccessException e) {
            log.warn("Could not mark this instance's start on {} (the gateway reads the revocation keys until a "
                    + "revocation creates it): {}", RedisKeys.REVOCATION_STREAM, e.toString());
        }
    }
}
