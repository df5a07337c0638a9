package io.urop.events.order;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/** A bumped ticket is back on its station's screen (bumped by mistake). Produced by order-service, keyed by the order id. */
@IntegrationEvent(type = "ticket.recalled", version = 1)
public record TicketRecalled(UUID ticketId, UUID orderId, UUID tenantId, UUID locationId, String station, String by,
        Instant at) {
}
