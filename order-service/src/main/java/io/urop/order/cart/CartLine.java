package io.urop.order.cart;

import java.time.Instant;
import java.util.UUID;

import io.urop.order.pricing.RequestedLine;

/** A line of a table session's cart: what a guest would like, and who that guest is. */
record CartLine(UUID id, UUID tableSessionId, String guestId, String guestName, RequestedLine line, Instant addedAt) {
}
