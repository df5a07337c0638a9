package io.urop.events.order;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/** The order is served and paid: nothing more happens to it. Produced by order-service. */
@IntegrationEvent(type = "order.completed", version = 1)
public record OrderCompleted(UUID orderId, UUID tenantId, UUID locationId, UUID tableSessionId, String by, Instant at)
        implements OrderStateChanged {
}
