package io.urop.order.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.urop.menu.model.PreModifier;
import io.urop.order.location.Location;
import io.urop.order.pricing.LineChoice;

/**
 * An order as a receipt prints it: where, what was charged line by line (voided lines are not on it), the tax and
 * service charge with their rates as they were when it was placed, the total, and how and when it was paid. Money in
 * minor units of {@code currency}; times in UTC, {@code timeZone} being the location's for printing them.
 *
 * @param payment null while it is not paid
 */
public record Receipt(UUID orderId, UUID locationId, String locationName, String timeZone, Channel channel,
        UUID tableId, String tableName, OrderState state, String currency, List<Line> lines, long subtotal, Tax tax,
        ServiceCharge serviceCharge, long total, Payment payment, Instant placedAt) {

    static Receipt of(Order order, Location location, String tableName) {
        Charges charges = order.charges();
        List<Line> lines = order.lines().stream().filter(line -> !line.voided())
                .map(line -> new Line(line.name(), line.sizeName(), line.quantity(), line.unitPrice(), line.total(),
                        choices(line.choices())))
                .toList();
        return new Receipt(order.id(), order.locationId(), location == null ? null : location.name(),
                location == null ? null : location.timeZone().getId(), order.channel(), order.tableId(), tableName,
                order.state(), order.currency(), lines, order.subtotal(),
                new Tax(charges.taxRateBasisPoints(), charges.pricesIncludeTax(), order.tax()),
                new ServiceCharge(charges.serviceChargeBasisPoints(), order.serviceCharge()), order.total(),
                order.paidAt() == null ? null : new Payment(order.paidWith(), order.paidAt()), order.placedAt());
    }

    private static List<Choice> choices(List<LineChoice> choices) {
        return choices.stream().map(choice -> new Choice(choice.name(), choice.quantity(), choice.preModifier(),
                choice.charged(), choices(choice.choices()))).toList();
    }

    /**
     * @param unitPrice one portion with its choices
     * @param total     {@code unitPrice × quantity}
     */
    public record Line(String name, String sizeName, int quantity, long unitPrice, long total, List<Choice> choices) {
    }

    /** @param charged what the choice itself added to one portion (0 when free); its nested choices add theirs */
    public record Choice(String name, int quantity, PreModifier preModifier, long charged, List<Choice> choices) {
    }

    /**
     * @param rateBasisPoints 1/100 of a percent: 2000 is 20 %
     * @param included        whether the prices include it (else it is added to the total)
     */
    public record Tax(int rateBasisPoints, boolean included, long amount) {
    }

    public record ServiceCharge(int rateBasisPoints, long amount) {
    }

    /** @param method ONLINE, CASH, CARD, or TAB (paid with the table's tab) */
    public record Payment(String method, Instant paidAt) {
    }
}
