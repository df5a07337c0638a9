package io.urop.order.ordering;

/** Where an order was taken: by a diner or staff at a table, or by staff for takeaway or at the counter. */
public enum Channel {
    TABLE,
    TAKEAWAY,
    COUNTER
}
