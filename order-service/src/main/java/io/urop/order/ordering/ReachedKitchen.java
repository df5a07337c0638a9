package io.urop.order.ordering;

import java.util.UUID;

/**
 * Within order-service: lines of an order are for the kitchen now, those it was placed with ({@code round} 0) once it
 * is placed (paid, where it is paid first), or an add-on ({@code round} 1, 2...). Published in the transaction of the
 * change, so the kitchen's tickets are made in it too.
 */
public record ReachedKitchen(UUID orderId, UUID tenantId, int round) {
}
