package io.urop.auth.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.urop.auth.account.Accounts;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Failed logins per email, counted in Redis whether or not the email belongs to an account, so a
 * lock-out looks the same for every email and reveals nothing. Keys hold a hash, not the email.
 */
@Component
public class LoginAttempts {

    private static final String KEY_PREFIX = "urop:auth:login-failures:";

    /** Counts a failure; the first one of a window starts the window. */
    private static final RedisScript<Long> COUNT_FAILURE = RedisScript.of("""
            local failures = redis.call('INCR', KEYS[1])
            if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return failures""", Long.class);

    private final StringRedisTemplate redis;
    private final LoginProperties properties;

    LoginAttempts(StringRedisTemplate redis, LoginProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    boolean locked(String email) {
        String failures = redis.opsForValue().get(key(email));
        return failures != null && Long.parseLong(failures) >= properties.maxFailures();
    }

    /** @return true if this failure locked the email */
    boolean failed(String email) {
        Long failures = redis.execute(COUNT_FAILURE, List.of(key(email)),
                String.valueOf(properties.lockFor().toMillis()));
        return failures != null && failures == properties.maxFailures();
    }

    /** Forgets the failures of an email: after a successful sign-in or a password reset. */
    public void clear(String email) {
        redis.delete(key(email));
    }

    private static String key(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Accounts.normalise(email).getBytes(StandardCharsets.UTF_8));
            return KEY_PREFIX + HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
