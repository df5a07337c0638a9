package io.urop.payment.checkout;

import java.time.Instant;
import java.util.UUID;

import io.urop.payment.ledger.CheckoutPlan;

/**
 * The checkout a diner is sent to: Stripe's page at {@code url}, for {@code total} = {@code amount} owed plus
 * {@code tip}, in minor units of {@code currency}, open until {@code expiresAt}.
 */
public record CheckoutView(UUID paymentId, UUID orderId, String url, String currency, long amount, long tip,
        long total, Instant expiresAt) {

    static CheckoutView of(CheckoutPlan plan, String url) {
        return new CheckoutView(plan.paymentId(), plan.orderId(), url, plan.currency(), plan.amount(), plan.tip(),
                plan.total(), plan.expiresAt());
    }
}
