package io.urop.order.ordering;

/** How an order gets paid, decided when it is placed. */
public enum Settlement {
    /** Paid online as it is placed: it waits in {@code PENDING_PAYMENT} until {@code payment.succeeded}. */
    PAY_FIRST,
    /** On the table session's tab, settled at the end. */
    ON_TAB,
    /** Paid to staff at the counter, in cash or by card, who record it. */
    AT_COUNTER,
    /**
     * A diner's order that would be paid online, at a restaurant that takes no online payment yet: the diner pays at
     * the counter, and it waits in {@code PENDING_PAYMENT} until staff record that.
     */
    COUNTER_FIRST;

    /** Whether it waits for its payment before it reaches the kitchen. */
    boolean paidFirst() {
        return this == PAY_FIRST || this == COUNTER_FIRST;
    }
}
