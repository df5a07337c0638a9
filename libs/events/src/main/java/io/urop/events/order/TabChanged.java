package io.urop.events.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import io.urop.events.IntegrationEvent;

/**
 * A table session's tab changed: what the party ordered, paid and still owes, as it stands now. Sent on every change
 * (an order placed, voided, added to, cancelled or rejected; the session moved, merged, closed; the bill settled), each
 * event carrying the whole tab, so a consumer keeps the latest and needs no earlier one. Produced by order-service,
 * keyed by the tab's table session id: one tab's events stay in order.
 *
 * @param tableSessionId    the session the tab belongs to
 * @param mergedSessionIds  sessions merged into this one: their tabs joined this tab, their diners see it
 * @param mergedIntoSessionId for a tab that joined another ({@code MERGED}): that tab's session; else null
 * @param total             what the orders on it cost, in minor units of {@code currency}; a cancelled or rejected
 *                          order counts for nothing, an order paid as it was placed counts as paid
 * @param paid              what of {@code total} is paid
 * @param balance           what is still owed: {@code total - paid} (below 0 when more was paid than is now due)
 * @param billPaid          what the shares of the table's bill paid, as far as the tab has taken it in (the
 *                          {@code paid} of the last {@code payment.table-bill-settled} it followed): part of
 *                          {@code paid}; only grows
 * @param sessionClosed     whether the table session is over; a closed session's tab with a balance stays
 *                          {@code OPEN} until it is settled
 * @param orderCount        how many orders are on the tab (cancelled and rejected ones included)
 * @param orderId           the order whose placement or change of cost caused this change; null when the change was
 *                          the session's (moved, merged, closed) or the bill's (settled). The tab's orders themselves
 *                          are order-service's to answer ({@code GET /api/v1/orders/tabs/{tableSessionId}}):
 *                          a tab of hundreds of orders is not repeated in each of its changes.
 */
@IntegrationEvent(type = "tab.changed", version = 1)
public record TabChanged(UUID tabId, UUID tenantId, UUID locationId, UUID tableSessionId, UUID tableId,
        List<UUID> mergedSessionIds, UUID mergedIntoSessionId, String currency, long total, long paid, long balance,
        long billPaid, State state, boolean sessionClosed, int orderCount, UUID orderId, Instant changedAt) {

    public TabChanged {
        mergedSessionIds = mergedSessionIds == null ? List.of() : List.copyOf(mergedSessionIds);
    }

    public enum State {
        /** The party may still order on it, or still owes something. */
        OPEN,
        /** Nothing is owed: the bill was paid, or the session ended with nothing left to pay. */
        SETTLED,
        /** The session was merged into another: its orders are on that session's tab now. */
        MERGED,
        /** A state this consumer does not know yet. */
        @JsonEnumDefaultValue
        UNKNOWN
    }
}
