package io.urop.events.order;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * A location's managers changed its pacing: whether diners may order online now, and what the kitchen takes from
 * diners per 15-minute slot. It carries the whole setting, not what changed. Produced by order-service, keyed by the
 * location id.
 *
 * @param maxOrdersPerSlot         diners' orders per slot; null for no cap
 * @param maxPrepMinutesPerStation prep minutes per slot by station; a station not named has no cap
 * @param by                       the manager who changed it
 */
@IntegrationEvent(type = "order.pacing-changed", version = 1)
public record PacingChanged(UUID tenantId, UUID locationId, boolean onlineOrderingPaused, Integer maxOrdersPerSlot,
        Map<String, Integer> maxPrepMinutesPerStation, String by, Instant at) {

    public PacingChanged {
        maxPrepMinutesPerStation = maxPrepMinutesPerStation == null ? Map.of() : Map.copyOf(maxPrepMinutesPerStation);
    }
}
