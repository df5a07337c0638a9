package io.urop.payment.ledger;

import java.util.UUID;

/**
 * A line of a table's tab that a diner may pay as part of its share: its part of its order's total, in minor units.
 *
 * @param lineId order-service's id of the line
 * @param name   as the diner sees it on Stripe's page, with its quantity and size
 */
public record ShareItem(UUID lineId, UUID orderId, String name, long amount) {
}
