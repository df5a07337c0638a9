package io.urop.events.menu;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * An item or an option ran out at a location ("86"), or is back. Produced by menu-service.
 *
 * @param kind ITEM or OPTION
 */
@IntegrationEvent(type = "menu.availability-changed", version = 1)
public record AvailabilityChanged(UUID tenantId, UUID locationId, UUID targetId, String kind, boolean available,
        Instant changedAt) {
}
