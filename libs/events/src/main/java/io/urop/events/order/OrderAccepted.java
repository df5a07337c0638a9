package io.urop.events.order;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/** The kitchen (or staff) accepted the order: it will be prepared. Produced by order-service. */
@IntegrationEvent(type = "order.accepted", version = 1)
public record OrderAccepted(UUID orderId, UUID tenantId, UUID locationId, UUID tableSessionId, String by, Instant at)
        implements OrderStateChanged {
}
