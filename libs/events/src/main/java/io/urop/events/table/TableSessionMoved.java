package io.urop.events.table;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * Staff moved a party to another table of the same location (table 4 to table 9): the session, with its guests,
 * is the other table's from now on. Produced by qr-service, keyed by the session's first table.
 */
@IntegrationEvent(type = "table.session-moved", version = 1)
public record TableSessionMoved(UUID sessionId, UUID tenantId, UUID locationId, UUID fromTableId, UUID toTableId,
        Instant movedAt) {
}
