package io.urop.events.payment;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * Everything a table session owed, as payment-service last heard of its tab, is paid: the party's bill is settled, so
 * the session ends and the table's next scan starts a new one. An order placed while the last share was being paid is
 * not covered: order-service pays the tab's orders, oldest first, with what is new in {@code paid}, and the rest stays
 * owed. Produced by payment-service, keyed by the table session id.
 *
 * @param paid what the bill's shares paid in all, in minor units, tips not included; a later settlement of the same
 *             bill (the party ordered more after the first) counts the earlier one's too
 */
@IntegrationEvent(type = "payment.table-bill-settled", version = 1)
public record TableBillSettled(UUID tableSessionId, UUID tenantId, UUID locationId, long paid, Instant settledAt) {
}
