package io.urop.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * auth-service's deny-list of revoked login sessions in Redis: logout and refresh-token reuse put
 * {@code urop:auth:revoked-session:<sid>} there, with a TTL at least the remaining life of the
 * session's access tokens.
 */
@Component
class RevokedSessions {

    static final String KEY_PREFIX = "urop:auth:revoked-session:";

    private final ReactiveStringRedisTemplate redis;

    RevokedSessions(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Errors when Redis cannot be reached: the caller decides (the gateway fails closed). */
    Mono<Boolean> isRevoked(String sessionId) {
        return redis.hasKey(KEY_PREFIX + sessionId);
    }
}
