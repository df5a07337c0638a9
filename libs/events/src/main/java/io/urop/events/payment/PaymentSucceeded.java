package io.urop.events.payment;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * A diner's payment went through: for an order paid as it is placed ({@code orderId}), the order goes on to the
 * kitchen; for a share of a table's tab, {@code orderId} is null. Produced by payment-service, keyed by the payment id.
 *
 * @param amount in minor units of {@code currency}, tip included
 */
@IntegrationEvent(type = "payment.succeeded", version = 1)
public record PaymentSucceeded(UUID paymentId, UUID tenantId, UUID locationId, UUID orderId, UUID tableSessionId,
        long amount, String currency, Instant succeededAt) {
}
