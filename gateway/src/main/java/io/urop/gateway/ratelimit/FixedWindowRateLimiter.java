package io.urop.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in Redis, shared by every gateway instance: one atomic script counts the
 * request and starts the window (a TTL) with the first one. Fails open: when Redis cannot be reached
 * the request goes through (rate limiting protects capacity; refusing all traffic would be the very
 * outage it guards against), with a warning at most every few seconds.
 */
@Component
class FixedWindowRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(FixedWindowRateLimiter.class);

    static final String KEY_PREFIX = "urop:gateway:rate-limit:";

    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> COUNT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """, List.class);

    private final ReactiveStringRedisTemplate redis;

    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    FixedWindowRateLimiter(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts one request against {@code key}'s window. */
    Mono<Decision> acquire(String key, int limit, Duration window) {
        return redis.execute(COUNT, List.of(KEY_PREFIX + key), List.of(Long.toString(window.toMillis())))
                .collectList()
                .map(reply -> decide(reply, limit))
                .onErrorResume(error -> {
                    warnNowAndThen(key, error);
                    return Mono.just(Decision.ALLOWED);
                });
    }

    private static Decision decide(List<?> reply, int limit) {
        // the script's two numbers, whether the driver hands them over flat or as one nested list
        List<?> values = reply.size() == 1 && reply.get(0) instanceof List<?> nested ? nested : reply;
        long count = ((Number) values.get(0)).longValue();
        long ttlMillis = ((Number) values.get(1)).longValue();
        if (count <= limit) {
            return Decision.ALLOWED;
        }
        return new Decision(false, Duration.ofSeconds(Math.max(1, (ttlMillis + 999) / 1000)));
    }

    private void warnNowAndThen(String key, Throwable error) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("Rate limits not enforced (Redis unavailable, failing open), e.g. for {}: {}", key, error.toString());
        }
    }

    /**
     * @param allowed    whether the request is within its budget
     * @param retryAfter when over budget: how long until the window frees, in whole seconds
     */
    record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);
    }
}
