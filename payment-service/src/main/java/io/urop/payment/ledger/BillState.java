package io.urop.payment.ledger;

/** Where a table session's bill stands. */
public enum BillState {
    /** Something is owed, or the party may order more. */
    OPEN,
    /** Paid in full by its shares, or nothing is owed. */
    SETTLED,
    /** The session was merged into another: its bill is paid with that one's. */
    MERGED
}
