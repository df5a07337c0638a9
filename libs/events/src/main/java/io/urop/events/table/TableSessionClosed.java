package io.urop.events.table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
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
 * @param reason           why it ended; none means closed by staff
 */
@IntegrationEvent(type = "table.session-closed", version = 1)
public record TableSessionClosed(UUID sessionId, UUID tenantId, UUID locationId, UUID tableId, List<UUID> tableIds,
        List<UUID> mergedSessionIds, Reason reason, Instant closedAt) {

    public TableSessionClosed {
        tableIds = tableIds == null || tableIds.isEmpty() ? List.of(tableId) : List.copyOf(tableIds);
        mergedSessionIds = mergedSessionIds == null ? List.of() : List.copyOf(mergedSessionIds);
        reason = reason == null ? Reason.CLOSED_BY_STAFF : reason;
    }

    public enum Reason {
        CLOSED_BY_STAFF,
        BILL_SETTLED,
        /** Its table's code was replaced. */
        CODE_ROTATED,
        /** Its table was taken out of service. */
        TABLE_DEACTIVATED,
        MAX_LIFE_REACHED,
        /** A reason this consumer does not know yet. */
        @JsonEnumDefaultValue
        UNKNOWN
    }
}
