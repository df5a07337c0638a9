package io.urop.events.menu;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import io.urop.events.IntegrationEvent;

/**
 * An item or an option ran out at a location ("86"), or is back. Produced by menu-service.

 */
@IntegrationEvent(type = "menu.availability-changed", version = 1)
public record AvailabilityChanged(UUID tenantId, UUID locationId, UUID targetId, Kind kind, boolean available,
        Instant changedAt) {

    /** What ran out: a dish, or a choice of one of its modifier groups. */
    public enum Kind {
        ITEM,
        OPTION,
        /** A kind this consumer does not know yet. */
        @JsonEnumDefaultValue
        UNKNOWN
    }
}
