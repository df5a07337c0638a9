package io.urop.events.table;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * Staff closed a table's session (the party left, the bill is settled): its diners' tokens name a session that is
 * over, and nothing more may be ordered on it; the table's next scan opens a new session. Produced by qr-service,
 * keyed by the table id.
 */
@IntegrationEvent(type = "table.session-closed", version = 1)
public record TableSessionClosed(UUID sessionId, UUID tenantId, UUID locationId, UUID tableId, Instant closedAt) {
}
