package io.urop.auth.session;

import java.time.Duration;
import java.util.UUID;

import io.urop.auth.token.TokenProperties;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The deny-list the gateway checks on every request: a revoked session's id stays listed for as long
 * as any access token of it can still be valid. Written before the revocation commits, so a crash in
 * between can only list a session that is still open (it then has to sign in again), never the reverse.
 */
@Component
public class RevokedSessions {

    /** The key the gateway looks up; keep in step with the gateway's revocation check. */
    public static final String KEY_PREFIX = "urop:auth:revoked-session:";

    /** Verifiers accept an expired token for this long. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final StringRedisTemplate redis;
    private final Duration listedFor;

    RevokedSessions(StringRedisTemplate redis, TokenProperties tokens) {
        this.redis = redis;
        this.listedFor = tokens.accessTokenTtl().plus(CLOCK_SKEW);
    }

    /** Lists a sign-in session, whose access tokens live {@code accessTokenTtl}. */
    public void add(UUID sessionId, String reason) {
        redis.opsForValue().set(KEY_PREFIX + sessionId, reason, listedFor);
    }

    public boolean contains(UUID sessionId) {
        return Boolean.TRUE.equals(redis.hasKey(KEY_PREFIX + sessionId));
    }
}
