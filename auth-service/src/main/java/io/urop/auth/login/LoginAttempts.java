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
 * Password attempts per email, counted in Redis whether or not the email belongs to an account, so a
 * lock-out looks the same for every email and reveals nothing. Each attempt is counted before the
 * password is compared, so guesses sent in parallel cannot all slip in before the count catches up;
 * a success clears the count. Keys hold a hash, not the email.
 */
@Component
public class LoginAttempts {

    private static final String KEY_PREFIX = "urop:auth:login-failures:";

    /** Counts an attempt; the first one of a window starts the window. */
    private static final RedisScript<Long> COUNT_ATTEMPT = RedisScript.of("""
            local failures = redis.call('INCR', KEYS[1])
            if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return failures""", Long.class);

    private final StringRedisTemplate redis;
    private final LoginProperties properties;

    LoginAttempts(StringRedisTemplate redis, LoginProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** Counts an attempt on the email, before its password is compared. */
    public Attempt begin(String email) {
        Long attempts = redis.execute(COUNT_ATTEMPT, List.of(key(email)),
                String.valueOf(properties.lockFor().toMillis()));
        long count = attempts == null ? Long.MAX_VALUE : attempts;
        return new Attempt(count > properties.maxFailures(), count == properties.maxFailures());
    }

    /**
     * @param locked    the email had already failed {@code maxFailures} times in the window: refuse, whatever the password
     * @param lastAllowed this is the last attempt before the lock: if it fails, the email is locked now
     */
    public record Attempt(boolean locked, boolean lastAllowed) {
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
