package io.urop.events.order;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import io.urop.events.IntegrationEvent;

/**
 * The order will not be made: the diner withdrew it before the kitchen accepted it, staff cancelled it, or its
 * payment failed or expired. A paid one is refunded. Produced by order-service.
 *
 * @param reason as given by whoever cancelled it; for a payment, what happened to it
 */
@IntegrationEvent(type = "order.cancelled", version = 1)
public record OrderCancelled(UUID orderId, UUID tenantId, UUID locationId, UUID tableSessionId, Cause cause,
        String reason, String by, Instant at) implements OrderStateChanged {

    public enum Cause {
        BY_DINER,
        BY_STAFF,
        PAYMENT_FAILED,
        /** A cause this consumer does not know yet. */
        @JsonEnumDefaultValue
        UNKNOWN
    }
}
