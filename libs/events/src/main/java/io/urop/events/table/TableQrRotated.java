package io.urop.events.table;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * A table's QR codes were replaced: every code printed before, of a lower {@code qrVersion}, is refused from now
 * on. Produced by qr-service, keyed by the table id.
 */
@IntegrationEvent(type = "table.qr-rotated", version = 1)
public record TableQrRotated(UUID tableId, UUID tenantId, UUID locationId, int qrVersion, Instant rotatedAt) {
}
