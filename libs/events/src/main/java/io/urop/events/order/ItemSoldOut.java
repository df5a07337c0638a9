package io.urop.events.order;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * An item counted down at a location ("12 portions of the special") has none left: an order took the last portion,
 * or staff set the count to zero. menu-service marks it run out at that location ("86"), as staff would, so that
 * diners see it and order-service refuses it even once the count is gone. Portions given back later (a cancelled
 * order, a voided line) announce nothing: whether the item is on again is the staff's call. Produced by
 * order-service, keyed by the location id.
 *
 * @param at when the count reached zero
 */
@IntegrationEvent(type = "order.item-sold-out", version = 1)
public record ItemSoldOut(UUID tenantId, UUID locationId, UUID itemId, Instant at) {
}
