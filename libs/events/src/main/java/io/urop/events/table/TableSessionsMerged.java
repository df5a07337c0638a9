package io.urop.events.table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * Staff merged one table's session into another's (two parties pushed their tables together, or a group spread over
 * two tables): {@code mergedSessionId} is over, and its guests, its cart and its orders are {@code sessionId}'s from
 * now on. A token naming the merged session stays valid for its guest until the session it went into ends. Produced
 * by qr-service, keyed by the table of {@code sessionId} that staff merged into.
 *
 * @param tableIds every table the session holds now
 */
@IntegrationEvent(type = "table.sessions-merged", version = 1)
public record TableSessionsMerged(UUID sessionId, UUID mergedSessionId, UUID tenantId, UUID locationId,
        List<UUID> tableIds, Instant mergedAt) {

    public TableSessionsMerged {
        tableIds = List.copyOf(tableIds);
    }
}
