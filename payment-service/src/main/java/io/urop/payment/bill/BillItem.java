package io.urop.payment.bill;

import java.util.UUID;

import io.urop.payment.ledger.ShareItem;

/**
 * An item of the table's tab as a diner paying by items sees it: its price, tax and service included, in minor
 * units, and whether it is still {@code OPEN} to pay, {@code HELD} by a share being paid, or {@code PAID}.
 */
public record BillItem(UUID lineId, UUID orderId, String name, long amount, State state) {

    static BillItem of(ShareItem item, State state) {
        return new BillItem(item.lineId(), item.orderId(), item.name(), item.amount(), state);
    }

    public enum State {
        OPEN, HELD, PAID
    }
}
