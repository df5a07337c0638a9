package io.urop.order.cart;

/** How a location's tables send their carts. */
public enum CartSubmission {
    /** Any guest sends the whole table's cart as one order. */
    TABLE,
    /** Each guest sends its own lines, as an order of its own. */
    GUEST
}
