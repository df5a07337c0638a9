package io.urop.order.kitchen;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A ticket as a kitchen screen shows it: the table, how long it has been on the screen ({@code ageSeconds}, from
 * when it was fired), every allergen of it in the header, and its items, voided ones struck through.
 *
 * @param round 0 for what the order was placed with, then 1, 2... for its add-ons
 */
public record TicketView(UUID id, UUID orderId, String station, UUID tableId, String tableName, int round, int course,
        TicketState state, HeldFor heldFor, Instant firedAt, long ageSeconds, Instant bumpedAt, Set<String> allergens,
        List<Item> items) {

    static TicketView of(KitchenTicket ticket, String tableName, Instant now) {
        long age = ticket.firedAt() == null ? 0 : Duration.between(ticket.firedAt(), now).toSeconds();
        return new TicketView(ticket.id(), ticket.orderId(), ticket.station(), ticket.tableId(), tableName,
                ticket.round(), ticket.course(), ticket.state(), ticket.heldFor(), ticket.firedAt(), age,
                ticket.bumpedAt(), ticket.allergens(), ticket.items().stream().map(Item::of).toList());
    }

    /**
     * @param choices as a cook reads them ("NO Onions", "2x Cheese"), nested ones indented under their option
     * @param alsoFor for a choice made here for an item made at another station: that item
     */
    public record Item(UUID lineId, String name, String sizeName, int quantity, List<String> choices,
            Set<String> allergens, String note, String alsoFor, boolean bumped, boolean voided, String voidReason) {

        static Item of(TicketItem item) {
            return new Item(item.lineId(), item.name(), item.sizeName(), item.quantity(), item.readableChoices(),
                    item.allergens(), item.note(), item.alsoFor(), item.bumpedAt() != null, item.voided(),
                    item.voidReason());
        }
    }

    /** One order's tickets across stations, for the expeditor: ready to go once every one is bumped. */
    public record OrderTickets(UUID orderId, UUID tableId, String tableName, long ageSeconds, boolean ready,
            List<TicketView> tickets) {
    }
}
