package io.urop.auth.password;

import java.time.Duration;

import io.urop.auth.account.EmailCounters;

import org.springframework.stereotype.Component;

/**
 * At most a few reset emails per address and hour, whoever asks: nobody can flood a person's inbox
 * through the reset form. Counted for every email alike, so the limit reveals nothing either.
 */
@Component
class ResetRequestLimit {

    static final int PER_HOUR = 3;

    private static final String COUNTER = "reset-requests";

    private final EmailCounters counters;

    ResetRequestLimit(EmailCounters counters) {
        this.counters = counters;
    }

    /** Counts a request; true while the email is within its hourly allowance. */
    boolean allows(String email) {
        return counters.increment(COUNTER, email, Duration.ofHours(1)) <= PER_HOUR;
    }
}
