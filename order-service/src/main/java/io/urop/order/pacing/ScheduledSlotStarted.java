package io.urop.order.pacing;

import java.time.Instant;
import java.util.UUID;

/**
 * Within order-service: the slot an order was scheduled for has started, and its held tickets may reach the kitchen.
 * Published in the transaction that marks the order's booking fired, bound to its tenant.
 */
public record ScheduledSlotStarted(UUID orderId, UUID tenantId, Instant slotStart) {
}
