package io.urop.order.cart;

import java.time.Instant;

import jakarta.validation.constraints.Size;

/**
 * Sending the cart as an order.
 *
 * @param payNow       where the location lets diners choose: pay as it is placed (true, the default) or on the tab
 * @param scheduledFor the start of a later slot the kitchen has room in, when the diner accepts it after the current
 *                     one was full; none for now
 */
public record Submission(@Size(max = 500) String note, Boolean payNow, Instant scheduledFor) {
}
