package io.urop.stripe.emulator;

/**
 * Makes API calls fail as Stripe fails on a bad day: 500/503 {@code api_error} that Stripe asks to retry, or 429
 * {@code lock_timeout}/{@code rate_limit}. The failure happens before the request runs, so nothing is created and no
 * idempotent answer is kept.
 */
final class OutageSwitch {

    private static final int UNTIL_RESET = -1;

    private int remainingCalls;
    private int status;
    private String code;

    synchronized void failNext(int calls, int status, String code) {
        if (status != 500 && status != 502 && status != 503 && status != 429) {
            throw new IllegalArgumentException("An outage answers 500, 502, 503 or 429, not " + status);
        }
        this.remainingCalls = calls;
        this.status = status;
        this.code = status == 429 && code == null ? "rate_limit" : code;
    }

    synchronized void failUntilReset(int status, String code) {
        failNext(UNTIL_RESET, status, code);
    }

    synchronized void reset() {
        remainingCalls = 0;
    }

    /** The error this call gets, or null when the API answers normally. */
    synchronized StripeError nextFailure() {
        if (remainingCalls == 0) {
            return null;
        }
        if (remainingCalls > 0) {
            remainingCalls--;
        }
        if (status == 429) {
            if ("lock_timeout".equals(code)) {
                return StripeError.invalid("lock_timeout", null, "This object cannot be accessed right now because "
                        + "another API request or Stripe process is currently accessing it. If you see this error "
                        + "intermittently, retry the request.").status(429).header("Stripe-Should-Retry", "true");
            }
            return StripeError.invalid(code, null, "Request rate limit exceeded. Learn more about rate limits here "
                    + "https://stripe.com/docs/rate-limits.").status(429);
        }
        return new StripeError(status, "api_error", code, null, status == 500
                ? "An unknown error occurred" : "Stripe is temporarily unavailable. Please try again later.")
                .header("Stripe-Should-Retry", "true");
    }
}
