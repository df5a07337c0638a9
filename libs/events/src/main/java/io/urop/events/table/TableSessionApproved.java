package io.urop.events.table;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * Staff confirmed that a table session is a real party at the table, at a location whose first order of a session
 * waits for that ({@code firstOrderApproval} of {@code tenant.location-changed}): the session's orders may go to the
 * kitchen. Produced by qr-service, keyed by the table id.
 *
 * @param approvedBy the member of staff who approved it
 */
@IntegrationEvent(type = "table.session-approved", version = 1)
public record TableSessionApproved(UUID sessionId, UUID tenantId, UUID locationId, UUID tableId, UUID approvedBy,
        Instant approvedAt) {
}
