package io.urop.events.order;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * The kitchen refused the order (out of an ingredient, closing): nothing of it will be made, and a paid one is
 * refunded. Produced by order-service.
 *
 * @param reason as staff gave it, shown to the diner
 */
@IntegrationEvent(type = "order.rejected", version = 1)
public record OrderRejected(UUID orderId, UUID tenantId, UUID locationId, UUID tableSessionId, String reason,
        String by, Instant at) implements OrderStateChanged {
}
