package io.urop.payment.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A checkout as it is to be opened at Stripe, written down before Stripe is called: the same plan always makes the
 * same request under the same idempotency key, so a retry, or a second phone asking at the same moment, gets the
 * same session back. {@code sessionId} and {@code url} are set once Stripe opened it.
 *
 * @param replacedSession the session opened before with another tip, to be expired first so that it cannot be paid too
 */
public record CheckoutPlan(UUID paymentId, int number, UUID orderId, String currency, long amount, long tip,
        long applicationFee, String stripeAccountId, Instant expiresAt, List<PaymentLine> lines,
        String replacedSession, String sessionId, String url) {

    /** A checkout with less time left than this is not handed out again: the diner could not finish paying. */
    static final Duration TIME_LEFT_TO_PAY = Duration.ofMinutes(5);

    public String idempotencyKey() {
        return "checkout-" + paymentId + "-" + number;
    }

    public long total() {
        return Math.addExact(amount, tip);
    }

    public boolean opened() {
        return sessionId != null;
    }
}
