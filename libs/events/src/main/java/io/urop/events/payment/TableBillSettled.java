package io.urop.events.payment;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * Everything a table session ordered is paid: the party's bill is settled, so the session ends and the table's next
 * scan starts a new one. Produced by payment-service, keyed by the table session id.
 */
@IntegrationEvent(type = "payment.table-bill-settled", version = 1)
public record TableBillSettled(UUID tableSessionId, UUID tenantId, UUID locationId, Instant settledAt) {
}
