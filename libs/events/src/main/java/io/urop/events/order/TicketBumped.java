package io.urop.events.order;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/** A station finished a ticket. Produced by order-service, keyed by the order id. */
@IntegrationEvent(type = "ticket.bumped", version = 1)
public record TicketBumped(UUID ticketId, UUID orderId, UUID tenantId, UUID locationId, String station, String by,
        Instant at) {
}
