package io.urop.notification.orders;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.urop.events.order.OrderPlaced;

/** An order as it was placed: what its messages name and its receipt lists. */
record PlacedOrder(UUID orderId, UUID locationId, UUID tableSessionId, OrderPlaced.Channel channel,
        OrderPlaced.EntryState entryState, String currency, List<OrderPlaced.Line> lines, long subtotal, long tax,
        boolean taxIncluded, long serviceCharge, long total, Instant placedAt) {

    static PlacedOrder of(OrderPlaced placed) {
        return new PlacedOrder(placed.orderId(), placed.locationId(), placed.tableSessionId(), placed.channel(),
                placed.state(), placed.currency(), placed.lines(), placed.subtotal(), placed.tax(),
                placed.taxIncluded(), placed.serviceCharge(), placed.total(), placed.placedAt());
    }

    /**
     * How diners and staff name the order aloud: the last eight digits of its id, which are random (its first ones are
     * the time it was placed, the same for every order of the same minute).
     */
    String reference() {
        String id = orderId.toString();
        return id.substring(id.length() - 8).toUpperCase(Locale.ROOT);
    }

    /** Whether the diner collects it (a takeaway, an order at the counter) rather than being served at a table. */
    boolean collected() {
        return channel != OrderPlaced.Channel.TABLE;
    }

    /** Whether it was paid as it was placed, so that its receipt follows the payment rather than its completion. */
    boolean paidWhenPlaced() {
        return entryState == OrderPlaced.EntryState.PENDING_PAYMENT;
    }
}
