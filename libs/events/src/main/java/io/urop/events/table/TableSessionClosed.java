package io.urop.events.table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * A table session is over (staff closed it, the table's bill was settled, its table's code was replaced or the table
 * taken out of service, or it reached its maximum life): its diners' tokens name a session that is over, and nothing
 * more may be ordered on it; its tables' next scan opens a new session. Produced by qr-service, keyed by
 * {@code tableId}.
 *
 * @param tableId          the table it was closed at, one of {@code tableIds}
 * @param tableIds         every table the session held (more than one once sessions were merged); an event from
 *                         before this field existed carries none, which means {@code tableId} alone
 * @param mergedSessionIds the sessions merged into this one earlier: their diners' tokens end with it
 * @param reason           {@value #CLOSED_BY_STAFF}, {@value #BILL_SETTLED}, {@value #CODE_ROTATED},
 *                         {@value #TABLE_DEACTIVATED} or {@value #MAX_LIFE_REACHED}; none means closed by staff
 */
@IntegrationEvent(type = "table.session-closed", version = 1)
public record TableSessionClosed(UUID sessionId, UUID tenantId, UUID locationId, UUID tableId, List<UUID> tableIds,
        List<UUID> mergedSessionIds, String reason, Instant closedAt) {

    public static final String CLOSED_BY_STAFF = "CLOSED_BY_STAFF";
    public static final String BILL_SETTLED = "BILL_SETTLED";
    public static final String CODE_ROTATED = "CODE_ROTATED";
    public static final String TABLE_DEACTIVATED = "TABLE_DEACTIVATED";
    public static final String MAX_LIFE_REACHED = "MAX_LIFE_REACHED";

    public TableSessionClosed {
        tableIds = tableIds == null || tableIds.isEmpty() ? List.of(tableId) : List.copyOf(tableIds);
        mergedSessionIds = mergedSessionIds == null ? List.of() : List.copyOf(mergedSessionIds);
        reason = reason == null ? CLOSED_BY_STAFF : reason;
    }
}
