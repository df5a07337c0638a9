package io.urop.events.table;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * A table was set up at a location (alone or in a bulk creation). Produced by qr-service, keyed by the table id.
 *
 * @param areaId the area it stands in (terrace, bar...); {@code null} for none
 */
@IntegrationEvent(type = "table.created", version = 1)
public record TableCreated(UUID tableId, UUID tenantId, UUID locationId, UUID areaId, String name, int seats,
        Instant createdAt) {
}
