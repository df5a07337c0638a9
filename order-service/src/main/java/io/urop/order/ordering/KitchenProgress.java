package io.urop.order.ordering;

/** What the kitchen's work on an order's tickets means for the order. */
public enum KitchenProgress {
    /** A first item or ticket was bumped. */
    STARTED,
    /** Every ticket is bumped. */
    DONE,
    /** A bumped ticket was recalled. */
    RECALLED
}
