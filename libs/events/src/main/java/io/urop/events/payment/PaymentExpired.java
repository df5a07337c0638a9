package io.urop.events.payment;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * A diner's checkout ended unpaid (it expired, or the diner gave up): an order paid as it is placed
 * ({@code orderId}) is cancelled and never reaches the kitchen. Produced by payment-service, keyed by the payment id.
 */
@IntegrationEvent(type = "payment.expired", version = 1)
public record PaymentExpired(UUID paymentId, UUID tenantId, UUID locationId, UUID orderId, UUID tableSessionId,
        Instant expiredAt) {
}
