package io.urop.events.order;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * A kitchen ticket reached its station's screen: what that station makes of one send of an order. {@code round} 0 is
 * what the order was placed with, 1, 2... its add-ons (shown as such, on the same order's ticket group). Produced by
 * order-service, keyed by the order id (as every event of the order and its tickets).
 *
 * @param tableName the table's name as qr-service announced it; null for takeaway and counter orders
 */
@IntegrationEvent(type = "ticket.fired", version = 1)
public record TicketFired(UUID ticketId, UUID orderId, UUID tenantId, UUID locationId, String station, UUID tableId,
        String tableName, UUID tableSessionId, int round, int course, List<Item> items, Instant firedAt) {

    public TicketFired {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * One thing to make: an order line, or (with {@code alsoFor}) a choice of a line made at this station for an item
     * made at another.
     *
     * @param choices the choices as the cook reads them ("Onion rings", "NO onions", "2x Cheese")
     */
    public record Item(UUID lineId, String name, String sizeName, int quantity, List<String> choices,
            Set<String> allergens, String note, String alsoFor) {

        public Item {
            choices = choices == null ? List.of() : List.copyOf(choices);
            allergens = allergens == null ? Set.of() : Set.copyOf(allergens);
        }
    }
}
