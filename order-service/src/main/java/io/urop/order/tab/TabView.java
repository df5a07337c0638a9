package io.urop.order.tab;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.urop.order.ordering.OrderState;
import io.urop.order.pricing.LineChoice;

/**
 * A tab as its diners and staff read it: every order on it, who placed it and what it counts, and what the party
 * owes, all in minor units of {@code currency}. {@code balance} is {@code total - paid}; {@code refunded} is what was
 * given back of what was paid (its orders' refunds and its bill's shares'), which changes nothing owed.
 *
 * @param id               null while nothing was ordered on the session yet
 * @param mergedSessionIds sessions merged into this one: their orders are on this tab
 * @param sessionClosed    whether the table session is over
 */
public record TabView(UUID id, UUID tableSessionId, List<UUID> mergedSessionIds, UUID locationId, UUID tableId,
        String tableName, String currency, TabState state, boolean sessionClosed, long total, long paid, long balance,
        long refunded, List<OrderOnTab> orders, Instant openedAt, Instant changedAt, Instant settledAt) {

    /** A session with nothing ordered yet. */
    static TabView nothingYet(UUID tableSessionId) {
        return new TabView(null, tableSessionId, List.of(), null, null, null, null, TabState.OPEN, false, 0, 0, 0, 0,
                List.of(), null, null, null);
    }

    /**
     * One order on the tab, priced as it was placed ({@code subtotal}, {@code tax}, {@code serviceCharge}).
     *
     * @param placedBy who ordered it: the diner's or the member of staff's subject
     * @param onTab    false for an order paid as it was placed: it is paid, never owed
     * @param total    what it counts on the tab: nothing once cancelled or rejected
     * @param paid     what of {@code total} is paid
     * @param refunded what of its own payment was given back (an order paid as it was placed)
     */
    public record OrderOnTab(UUID id, OrderState state, String placedBy, Instant placedAt, boolean onTab, long subtotal,
            long tax, boolean taxIncluded, long serviceCharge, long total, long paid, long refunded, String note,
            List<Line> lines) {
    }

    /**
     * @param round   0 for what the order was placed with, 1, 2... for lines staff added later
     * @param addedBy who ordered this line: the order's placer, or the member of staff who added it
     * @param voided  taken off the bill by staff: it costs nothing
     */
    public record Line(UUID id, String name, String sizeName, int quantity, long unitPrice, long total,
            List<LineChoice> choices, String note, int round, String addedBy, boolean voided) {
    }

    /** A tab in staff's list of a location's tabs. */
    public record Summary(UUID id, UUID tableSessionId, UUID locationId, UUID tableId, String tableName,
            String currency, TabState state, boolean sessionClosed, long total, long paid, long balance,
            int orderCount, Instant openedAt, Instant changedAt) {
    }
}
