package io.urop.events.table;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * A diner at a table asked for a member of staff from the phone: to come over, or to bring the bill. Staff of the
 * location see it at once (notification-service pushes it to the location's stream). Produced by qr-service, keyed by
 * the table id; at most one per table session and reason a minute.
 *
 * @param tableName the table's name as staff know it, so a push can say where to go without another read
 * @param guestName the name the diner gave, if any
 */
@IntegrationEvent(type = "table.assistance-requested", version = 1)
public record TableAssistanceRequested(UUID sessionId, UUID tenantId, UUID locationId, UUID tableId, String tableName,
        String guestName, Reason reason, Instant requestedAt) {

    public enum Reason {
        /** Someone to come to the table. */
        WAITER,
        /** The bill, to pay at the table with a member of staff. */
        BILL
    }
}
