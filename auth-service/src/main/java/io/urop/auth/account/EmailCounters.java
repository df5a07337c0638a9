package io.urop.auth.account;

import java.time.Duration;
import java.util.List;

import io.urop.auth.RedisKeys;
import io.urop.auth.RedisScripts;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters per email in Redis (reset requests, sign-up notices), kept alike for every
 * email whether or not it has an account. Keys hold the email's SHA-256, never the email.
 */
@Component
public class EmailCounters {

    private static final RedisScript<Long> COUNT = RedisScripts.read("email-counter", Long.class);

    private final StringRedisTemplate redis;

    EmailCounters(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts one more for the email under {@code counter}; returns the count within the window, this one included. */
    public long increment(String counter, String email, Duration window) {
        Long count = redis.execute(COUNT, List.of(RedisKeys.emailCounter(counter, Accounts.normalise(email))),
                String.valueOf(window.toMillis()));
        return count == null ? Long.MAX_VALUE : count;
    }
}
