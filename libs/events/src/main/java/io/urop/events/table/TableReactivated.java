package io.urop.events.table;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/** A deactivated table is back in service: its current codes work again. Produced by qr-service, keyed by the table id. */
@IntegrationEvent(type = "table.reactivated", version = 1)
public record TableReactivated(UUID tableId, UUID tenantId, UUID locationId, Instant reactivatedAt) {
}
