package io.urop.order.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.urop.order.pricing.LineChoice;

/**
 * An order as diners and staff read it, ready for a receipt: its lines as priced (voided ones marked), the taxes and
 * service charge, the total, and what of its payment was refunded, all in minor units of {@code currency}.
 */
public record OrderView(UUID id, OrderState state, Channel channel, Settlement settlement, UUID locationId,
        UUID tableId, UUID tableSessionId, String currency, List<Line> lines, long subtotal, long tax,
        boolean taxIncluded, long serviceCharge, long total, String note, Instant placedAt, Instant paidAt,
        String paidWith, long refunded) {

    static OrderView of(Order order) {
        return new OrderView(order.id(), order.state(), order.channel(), order.settlement(), order.locationId(),
                order.tableId(), order.tableSessionId(), order.currency(),
                order.lines().stream().map(Line::of).toList(), order.subtotal(), order.tax(), order.taxIncluded(),
                order.serviceCharge(), order.total(), order.note(), order.placedAt(), order.paidAt(), order.paidWith(),
                order.refunded());
    }

    /**
     * @param round  0 for the lines the order was placed with, then 1, 2... for each add-on
     * @param voided whether staff took it off the bill ({@code voidReason} says why)
     */
    public record Line(UUID id, UUID itemId, String name, UUID sizeId, String sizeName, int quantity, long unitPrice,
            long total, List<LineChoice> choices, Set<String> allergens, String note, int course, int round,
            boolean voided, String voidReason) {

        static Line of(OrderLine line) {
            return new Line(line.id(), line.itemId(), line.name(), line.sizeId(), line.sizeName(), line.quantity(),
                    line.unitPrice(), line.total(), line.choices(), line.allergens(), line.note(), line.course(),
                    line.round(), line.voided(), line.voidReason());
        }
    }

    /** One step of the order's history, for staff. */
    public record Step(OrderState from, OrderState to, String by, String byRole, String reason, Instant at) {

        static Step of(Transition transition) {
            return new Step(transition.from(), transition.to(), transition.by().subject(), transition.by().role(),
                    transition.reason(), transition.at());
        }
    }
}
