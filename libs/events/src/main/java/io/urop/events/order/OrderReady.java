package io.urop.events.order;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/** Every kitchen ticket of the order is bumped: it waits at the pass. Produced by order-service. */
@IntegrationEvent(type = "order.ready", version = 1)
public record OrderReady(UUID orderId, UUID tenantId, UUID locationId, UUID tableSessionId, String by, Instant at)
        implements OrderStateChanged {
}
