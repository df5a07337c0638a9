package io.urop.events.order;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/** Staff brought the order to the table or handed it over. Produced by order-service. */
@IntegrationEvent(type = "order.served", version = 1)
public record OrderServed(UUID orderId, UUID tenantId, UUID locationId, UUID tableSessionId, String by, Instant at)
        implements OrderStateChanged {
}
