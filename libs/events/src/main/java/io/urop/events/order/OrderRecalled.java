package io.urop.events.order;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * A ready order is being prepared again: the kitchen recalled one of its bumped tickets. Produced by order-service.
 */
@IntegrationEvent(type = "order.recalled", version = 1)
public record OrderRecalled(UUID orderId, UUID tenantId, UUID locationId, UUID tableSessionId, String by, Instant at)
        implements OrderStateChanged {
}
