package io.urop.payment.ledger;

/** Where a diner's payment stands. */
public enum PaymentState {
    /** Owed: the diner has not opened a checkout yet. */
    DUE,
    /** A Checkout Session is open on Stripe's page. */
    CHECKOUT_OPEN,
    /** Paid: the order goes on to the kitchen. */
    SUCCEEDED,
    /** The checkout ran out unpaid: the order is cancelled. */
    EXPIRED,
    /** The order was withdrawn or refused before it was paid: nothing more may be paid. */
    CANCELLED;

    public boolean isOver() {
        return this == SUCCEEDED || this == EXPIRED || this == CANCELLED;
    }
}
