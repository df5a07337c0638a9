package io.urop.stripe.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Stripe's {@code Idempotency-Key}: the first answer to a key is kept 24 hours and replayed to a request with the same
 * parameters ({@code Idempotent-Replayed: true}); other parameters under the same key are refused
 * ({@code idempotency_error}), and so is a second request while the first is still running (409, which stripe-java
 * retries). Keys are scoped to the API key and the account the request acts on.
 *
 * <p>As at Stripe, only requests that ran are kept: a request that failed validation may be retried with the same key.
 */
final class Idempotency {

    private static final Duration RETENTION = Duration.ofHours(24);

    private static final class Entry {
        final String fingerprint;
        final long createdAtMillis;
        ApiResponse response;

        Entry(String fingerprint, long createdAtMillis) {
            this.fingerprint = fingerprint;
            this.createdAtMillis = createdAtMillis;
        }
    }

    private final Clock clock;
    private final Map<String, Entry> entries = new HashMap<>();

    Idempotency(Clock clock) {
        this.clock = clock;
    }

    ApiResponse execute(String scope, String key, String fingerprint, Supplier<ApiResponse> request) {
        String scopedKey = scope + "\n" + key;
        Entry entry;
        ApiResponse earlier;
        synchronized (this) {
            forgetExpired();
            entry = entries.get(scopedKey);
            if (entry == null) {
                entry = new Entry(fingerprint, clock.millis());
                entries.put(scopedKey, entry);
                earlier = null;
            } else {
                earlier = entry.response;
                if (!entry.fingerprint.equals(fingerprint)) {
                    throw new StripeError(400, "idempotency_error", null, null, "Keys for idempotent requests can only "
                            + "be used with the same parameters they were first used with. Try using a key other than '"
                            + key + "' if you meant to execute a different request.");
                }
                if (earlier == null) {
                    throw new StripeError(409, "invalid_request_error", "idempotency_key_in_use", null, "There is "
                            + "currently another in-progress request using this Idempotent Key (that probably means you "
                            + "submitted twice, and the other request is still going through): " + key
                            + ". Please try again later.");
                }
            }
        }
        if (earlier != null) {
            return earlier.replayed();
        }
        ApiResponse response;
        try {
            response = request.get();
        } catch (RuntimeException e) {
            forget(scopedKey);
            throw e;
        }
        synchronized (this) {
            if (response.status() < 300 || response.status() == 402) {
                entry.response = response;
            } else {
                entries.remove(scopedKey);
            }
        }
        return response;
    }

    private synchronized void forget(String scopedKey) {
        entries.remove(scopedKey);
    }

    private void forgetExpired() {
        long oldest = clock.millis() - RETENTION.toMillis();
        entries.values().removeIf(entry -> entry.response != null && entry.createdAtMillis < oldest);
    }
}
