package io.urop.order.location;

import io.urop.events.tenant.LocationChanged;

/** How a location's diners pay, which decides the state a diner's order enters. */
public enum PaymentMode {
    /** Each order is paid as it is placed: it waits for its payment before the kitchen sees it. */
    PAY_FIRST,
    /** Orders run on the table's tab, settled at the end. */
    PAY_AT_TABLE,
    /** The diner chooses per order. */
    EITHER;

    /** A mode this service does not know yet is taken as the safest: nothing reaches the kitchen unpaid. */
    static PaymentMode of(LocationChanged.PaymentMode announced) {
        if (announced == null) {
            return PAY_FIRST;
        }
        return switch (announced) {
            case PAY_AT_THE_END -> PAY_AT_TABLE;
            case EITHER -> EITHER;
            case PAY_WHEN_ORDERING, UNKNOWN -> PAY_FIRST;
        };
    }

    static PaymentMode of(String stored) {
        return valueOf(stored);
    }
}
