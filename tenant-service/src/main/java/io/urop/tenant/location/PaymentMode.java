package io.urop.tenant.location;

/** When diners pay. */
public enum PaymentMode {
    /** Each order is paid as it is placed (counter service, food courts). */
    PAY_WHEN_ORDERING,
    /** Orders run on the table's tab, settled at the end (table service). */
    PAY_AT_THE_END,
    /** The diner chooses. */
    EITHER
}
