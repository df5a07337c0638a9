package io.urop.auth.diner;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.urop.auth.RedisKeys;
import io.urop.auth.token.TokenProperties;
import io.urop.security.AccessTokenVerifier;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Which tenant each table session with diner tokens belongs to, as recorded when its tokens were minted, and kept for
 * as long as the last of them lives. A session id recorded here is a table session of that tenant: closing it may end
 * its diners' tokens, and nothing else.
 */
@Component
class TableSessions {

    private final StringRedisTemplate redis;
    private final Duration kept;

    TableSessions(StringRedisTemplate redis, TokenProperties tokens) {
        this.redis = redis;
        this.kept = tokens.dinerTokenTtl().plus(AccessTokenVerifier.CLOCK_SKEW);
    }

    /** Before each token of the session is minted, so that no token of it exists unrecorded. */
    void record(UUID tableSessionId, UUID tenantId) {
        redis.opsForValue().set(RedisKeys.tableSession(tableSessionId), tenantId.toString(), kept);
    }

    /** Empty when no diner token of it can still be valid, or it never was a table session. */
    Optional<UUID> tenantOf(UUID tableSessionId) {
        return Optional.ofNullable(redis.opsForValue().get(RedisKeys.tableSession(tableSessionId))).map(UUID::fromString);
    }
}
