package io.urop.auth.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import io.urop.auth.account.Accounts;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * At most a few reset emails per address and hour, whoever asks: nobody can flood a person's inbox
 * through the reset form. Counted for every email alike, so the limit reveals nothing either.
 */
@Component
class ResetRequestLimit {

    static final int PER_HOUR = 3;

    private static final String KEY_PREFIX = "urop:auth:reset-requests:";
    private static final RedisScript<Long> COUNT = RedisScript.of("""
            local requests = redis.call('INCR', KEYS[1])
            if requests == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return requests""", Long.class);

    private final StringRedisTemplate redis;

    ResetRequestLimit(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts a request; true while the email is within its hourly allowance. */
    boolean allows(String email) {
        Long requests = redis.execute(COUNT, List.of(KEY_PREFIX + hash(email)),
                String.valueOf(Duration.ofHours(1).toMillis()));
        return requests != null && requests <= PER_HOUR;
    }

    private static String hash(String email) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Accounts.normalise(email).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
