package io.urop.auth.login;

import io.urop.auth.account.EmailCounters;

import org.springframework.stereotype.Component;

/**
 * Password attempts per email, counted whether or not the email belongs to an account, so a lock-out
 * looks the same for every email and reveals nothing. Each attempt is counted before the password is
 * compared, so guesses sent in parallel cannot all slip in before the count catches up; a success
 * clears the count.
 */
@Component
public class LoginAttempts {

    private static final String COUNTER = "login-failures";

    private final EmailCounters counters;
    private final LoginProperties properties;

    LoginAttempts(EmailCounters counters, LoginProperties properties) {
        this.counters = counters;
        this.properties = properties;
    }

    /** Counts an attempt on the email, before its password is compared. */
    public Attempt begin(String email) {
        long count = counters.increment(COUNTER, email, properties.lockFor());
        return new Attempt(count > properties.maxFailures(), count == properties.maxFailures());
    }

    /** Forgets the attempts on an email: after a successful sign-in or a password reset. */
    public void clear(String email) {
        counters.reset(COUNTER, email);
    }

    /**
     * @param locked      the email had already failed {@code maxFailures} times in the window: refuse, whatever the password
     * @param lastAllowed this is the last attempt before the lock: if it fails, the email is locked now
     */
    public record Attempt(boolean locked, boolean lastAllowed) {
    }
}
