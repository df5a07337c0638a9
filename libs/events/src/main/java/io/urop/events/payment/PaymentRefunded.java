package io.urop.events.payment;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * Money went back to a diner: a manager refunded (part of) a payment, or payment-service refunded one that came in
 * after its order was cancelled ({@code automatic}). Produced by payment-service, keyed by the payment id.
 *
 * @param amount        this refund, in minor units of {@code currency}
 * @param refundedTotal everything refunded of the payment so far, this refund included; never more than it captured
 * @param reason        as the manager gave it, or why payment-service refunded it
 */
@IntegrationEvent(type = "payment.refunded", version = 1)
public record PaymentRefunded(UUID paymentId, UUID refundId, UUID tenantId, UUID locationId, UUID orderId,
        UUID tableSessionId, long amount, long refundedTotal, String currency, String reason, boolean automatic,
        Instant refundedAt) {
}
