package io.urop.events.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * Staff voided one line of an order (a mistake, a dish sent back): it is no longer charged, and a kitchen that had it
 * shows it struck through. Produced by order-service.
 *
 * @param total    the order's total after the void
 * @param stations the kitchen stations whose tickets show the line (its own, and those making an option "also at"
 *                 them); none in an event from before this field existed
 */
@IntegrationEvent(type = "order.line-voided", version = 1)
public record OrderLineVoided(UUID orderId, UUID tenantId, UUID locationId, UUID tableSessionId, UUID lineId,
        String reason, long total, String by, Instant at, List<String> stations) implements OrderStateChanged {

    public OrderLineVoided {
        stations = stations == null ? List.of() : List.copyOf(stations);
    }
}
