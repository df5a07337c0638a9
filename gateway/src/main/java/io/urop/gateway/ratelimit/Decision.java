package io.urop.gateway.ratelimit;

import java.time.Duration;

/**
 * Whether a request is within its budgets.
 *
 * @param allowed    whether the request is within its budgets
 * @param retryAfter when over budget: how long until the window frees, in whole seconds
 */
record Decision(boolean allowed, Duration retryAfter) {

    static final Decision ALLOWED = new Decision(true, Duration.ZERO);

    /** Refused until a window frees in {@code millis}, rounded up to whole seconds (at least one). */
    static Decision refusedFor(long millis) {
        return new Decision(false, Duration.ofSeconds(Math.max(1, (millis + 999) / 1000)));
    }
}
