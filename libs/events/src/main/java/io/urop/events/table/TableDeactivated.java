package io.urop.events.table;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * A table was taken out of service: its printed codes are refused from now on, and no new table session opens
 * there. Produced by qr-service, keyed by the table id.
 */
@IntegrationEvent(type = "table.deactivated", version = 1)
public record TableDeactivated(UUID tableId, UUID tenantId, UUID locationId, Instant deactivatedAt) {
}
