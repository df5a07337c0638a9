package io.urop.events.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import io.urop.events.IntegrationEvent;

/**
 * An order was placed and priced from the location's menu: what it costs and in which state it entered. A
 * {@code PENDING_PAYMENT} order waits for its payment (payment-service opens a checkout for {@code total}); a
 * {@code PLACED} one runs on the table's tab or is paid at the counter. Produced by order-service, keyed by the order
 * id, as are all of an order's events.
 *
 * @param channel        where it was ordered: at a table, or taken by staff for takeaway or at the counter
 * @param tableId        the table, for an order at a table; else null
 * @param tableSessionId the table session it belongs to, for an order at a table; else null
 * @param lines          what was ordered, each priced in minor units of {@code currency}
 * @param subtotal       the lines' totals
 * @param tax            the sales tax in it ({@code taxIncluded}) or on top of it
 * @param total          what the diner pays: subtotal, plus tax when not included, plus service charge
 */
@IntegrationEvent(type = "order.placed", version = 1)
public record OrderPlaced(UUID orderId, UUID tenantId, UUID locationId, Channel channel, UUID tableId,
        UUID tableSessionId, EntryState state, String currency, List<Line> lines, long subtotal, long tax,
        boolean taxIncluded, long serviceCharge, long total, String placedBy, Instant placedAt) {

    public OrderPlaced {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public enum Channel {
        TABLE,
        TAKEAWAY,
        COUNTER,
        /** A channel this consumer does not know yet. */
        @JsonEnumDefaultValue
        UNKNOWN
    }

    public enum EntryState {
        /** Paid as it is placed: nothing reaches the kitchen before {@code payment.succeeded}. */
        PENDING_PAYMENT,
        /** On the table's tab, or paid to staff: it goes on to the kitchen. */
        PLACED,
        /**
         * The diner pays at the counter first (the restaurant takes no online payment yet): nothing reaches the
         * kitchen before staff record the payment.
         */
        PENDING_COUNTER_PAYMENT,
        /** A state this consumer does not know yet. */
        @JsonEnumDefaultValue
        UNKNOWN
    }

    /** One line as the diner sees it on the bill. */
    public record Line(UUID lineId, UUID itemId, String name, int quantity, long unitPrice, long total) {
    }
}
