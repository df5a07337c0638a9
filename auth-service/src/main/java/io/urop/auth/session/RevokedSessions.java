package io.urop.auth.session;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.urop.auth.token.TokenProperties;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The deny-list the gateway checks on every request: a revoked session's id stays listed for as long
 * as any access token of it can still be valid. Written before the revocation commits, so a crash in
 * between can only list a session that is still open (it then has to sign in again), never the reverse.
 *
 * <p>Each revocation is two writes, made atomically by one script: the key {@code <prefix><sid>} (read
 * directly by whoever cannot follow the stream) and an entry on the stream {@value #STREAM}, which
 * the gateway follows to keep the list in its own memory. Sign-in sessions are listed for an access
 * token's life, table sessions (diners) for a diner token's; the stream keeps the longest of the two.
 */
@Component
public class RevokedSessions {

    /** The key the gateway looks up; keep in step with the gateway's revocation check. */
    public static final String KEY_PREFIX = "urop:auth:revoked-session:";

    /** The stream of revocations (fields {@code sid}, {@code until}); keep in step with the gateway's mirror. */
    public static final String STREAM = "urop:auth:revoked-sessions";

    /** Verifiers accept an expired token for this long. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private static final RedisScript<Void> REVOKE = RedisScript.of("""
            local listed_for = tonumber(ARGV[3])
            redis.call('SET', KEYS[1], ARGV[2], 'PX', listed_for)
            local now = redis.call('TIME')
            local now_ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
            -- entries older than the longest listing name sessions whose tokens have all expired
            redis.call('XADD', KEYS[2], 'MINID', '~', tostring(now_ms - tonumber(ARGV[4])), '*',
                       'sid', ARGV[1], 'until', tostring(now_ms + listed_for))
            """);

    private final StringRedisTemplate redis;
    private final TokenProperties tokens;

    RevokedSessions(StringRedisTemplate redis, TokenProperties tokens) {
        this.redis = redis;
        this.tokens = tokens;
    }

    /** Lists a sign-in session, whose access tokens live {@code accessTokenTtl}. */
    public void add(UUID sessionId, String reason) {
        add(sessionId, reason, tokens.accessTokenTtl());
    }

    /** Lists a table session, whose diners' tokens live {@code dinerTokenTtl}. */
    public void addTableSession(UUID tableSessionId, String reason) {
        add(tableSessionId, reason, tokens.dinerTokenTtl());
    }

    private void add(UUID sessionId, String reason, Duration tokensLiveFor) {
        redis.execute(REVOKE, List.of(KEY_PREFIX + sessionId, STREAM), sessionId.toString(), reason,
                Long.toString(tokensLiveFor.plus(CLOCK_SKEW).toMillis()), Long.toString(longestListing().toMillis()));
    }

    private Duration longestListing() {
        Duration longest = tokens.accessTokenTtl().compareTo(tokens.dinerTokenTtl()) > 0 ? tokens.accessTokenTtl()
                : tokens.dinerTokenTtl();
        return longest.plus(CLOCK_SKEW);
    }

    public boolean contains(UUID sessionId) {
        return Boolean.TRUE.equals(redis.hasKey(KEY_PREFIX + sessionId));
    }
}
