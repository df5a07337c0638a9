package io.urop.events.order;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * Staff voided one line of an order (a mistake, a dish sent back): it is no longer charged, and a kitchen that had it
 * shows it struck through. Produced by order-service.
 *
 * @param total the order's total after the void
 */
@IntegrationEvent(type = "order.line-voided", version = 1)
public record OrderLineVoided(UUID orderId, UUID tenantId, UUID locationId, UUID tableSessionId, UUID lineId,
        String reason, long total, String by, Instant at) implements OrderStateChanged {
}
