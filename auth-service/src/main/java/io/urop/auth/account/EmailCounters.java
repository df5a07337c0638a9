package io.urop.auth.account;

import java.time.Duration;
import java.util.List;

import io.urop.auth.OpaqueTokens;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters per email in Redis (reset requests, sign-up notices), kept alike for every
 * email whether or not it has an account. Keys hold the email's SHA-256, never the email.
 */
@Component
public class EmailCounters {

    private static final String KEY_PREFIX = "urop:auth:";

    /** Counts one; the first of a window starts the window. */
    private static final RedisScript<Long> COUNT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return count""", Long.class);

    private final StringRedisTemplate redis;

    EmailCounters(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts one more for the email under {@code counter}; returns the count within the window, this one included. */
    public long increment(String counter, String email, Duration window) {
        Long count = redis.execute(COUNT, List.of(key(counter, email)), String.valueOf(window.toMillis()));
        return count == null ? Long.MAX_VALUE : count;
    }

    private static String key(String counter, String email) {
        return KEY_PREFIX + counter + ":" + OpaqueTokens.hash(Accounts.normalise(email));
    }
}
