package io.urop.order.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order in staff's list of a location's orders: enough to find it and see where it is; its full view is
 * {@code GET /api/v1/orders/{id}}. Money in minor units of {@code currency}.
 *
 * @param tableName the table's name as qr-service announced it; null away from a table or for a table not heard of
 * @param placedBy  who ordered it: the diner's or the member of staff's subject
 */
public record OrderSummary(UUID id, OrderState state, Channel channel, Settlement settlement, UUID tableId,
        String tableName, UUID tableSessionId, String currency, long total, String note, String placedBy,
        Instant placedAt, Instant paidAt, String paidWith, List<Item> items) {

    public OrderSummary {
        items = List.copyOf(items);
    }

    OrderSummary withItems(List<Item> lines) {
        return new OrderSummary(id, state, channel, settlement, tableId, tableName, tableSessionId, currency, total,
                note, placedBy, placedAt, paidAt, paidWith, lines);
    }

    OrderSummary atTable(String name) {
        return new OrderSummary(id, state, channel, settlement, tableId, name, tableSessionId, currency, total, note,
                placedBy, placedAt, paidAt, paidWith, items);
    }

    /** @param voided taken off the bill by staff */
    public record Item(String name, String sizeName, int quantity, boolean voided) {
    }
}
