package io.urop.payment.ledger;

/** Where a refund stands at Stripe. */
public enum RefundState {
    /** Written down, not yet confirmed by Stripe: its amount is held back from what may still be refunded. */
    PENDING,
    SUCCEEDED,
    /** Stripe refused it: its amount may be refunded again. */
    FAILED
}
