package io.urop.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/** A message's line in the delivery log. */
public record Delivery(UUID id, String kind, Channel channel, String recipient, DeliveryStatus status, int attempts,
        String lastError, String providerId, Instant createdAt, Instant updatedAt) {
}
