package io.urop.order.countdown;

import java.time.Instant;
import java.util.UUID;

/**
 * An item counted down at a location: how many portions are left to order.
 *
 * @param setAt when staff last set the count (portions ordered since are taken from it)
 * @param setBy who set it (the subject of their token)
 */
public record CountdownView(UUID itemId, int remaining, Instant setAt, String setBy) {
}
