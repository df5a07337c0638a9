package io.urop.order.cart;

import jakarta.validation.constraints.Size;

/**
 * Sending the cart as an order.
 *
 * @param payNow where the location lets diners choose: pay as it is placed (true, the default) or on the tab
 */
public record Submission(@Size(max = 500) String note, Boolean payNow) {
}
