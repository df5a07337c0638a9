package io.urop.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in Redis, shared by every gateway instance, counted per request (the budgets that must be exact
 * across instances, and keys {@link SyncedWindows} has no room for): one atomic script counts the
 * request in each of its windows and starts a window (a TTL) with its first request; the request is refused
 * when any of them is over its limit. Fails open: when Redis cannot be reached
 * the request goes through (rate limiting protects capacity; refusing all traffic would be the very
 * outage it guards against), with a warning at most every few seconds.
 */
@Component
class FixedWindowRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(FixedWindowRateLimiter.class);

    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    // read once into a String: a script given as a Resource checks the file's date under a lock on every call
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> COUNT = RedisScript.of(
            RedisScript.of(new ClassPathResource("redis/fixed-windows.lua")).getScriptAsString(), List.class);

    private final ReactiveStringRedisTemplate redis;

    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    FixedWindowRateLimiter(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts one request in each window, in one round trip. */
    Mono<Decision> acquire(List<Window> windows) {
        List<String> keys = windows.stream().map(Window::key).toList();
        List<String> lengths = windows.stream().map(window -> Long.toString(window.length().toMillis())).toList();
        return redis.execute(COUNT, keys, lengths)
                .collectList()
                .map(reply -> decide(reply, windows))
                .onErrorResume(error -> {
                    warnNowAndThen(keys.get(0), error);
                    return Mono.just(Decision.ALLOWED);
                });
    }

    private static Decision decide(List<?> reply, List<Window> windows) {
        // the script's numbers, whether the driver hands them over flat or as one nested list
        List<?> values = reply.size() == 1 && reply.get(0) instanceof List<?> nested ? nested : reply;
        long retryAfterMillis = -1;
        for (int i = 0; i < windows.size(); i++) {
            long count = ((Number) values.get(2 * i)).longValue();
            long ttlMillis = ((Number) values.get(2 * i + 1)).longValue();
            if (count > windows.get(i).limit()) {
                retryAfterMillis = Math.max(retryAfterMillis, ttlMillis);
            }
        }
        return retryAfterMillis < 0 ? Decision.ALLOWED : Decision.refusedFor(retryAfterMillis);
    }

    private void warnNowAndThen(String key, Throwable error) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("Rate limits not enforced (Redis unavailable, failing open), e.g. for {}: {}", key, error.toString());
        }
    }
}
