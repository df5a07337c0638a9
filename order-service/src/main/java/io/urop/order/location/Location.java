package io.urop.order.location;

import java.time.ZoneId;
import java.util.UUID;

/**
 * What order-service needs of a location to take an order.
 *
 * @param open               false once its owner closed it for good: it takes no order
 * @param timeZone           where dayparts are read
 * @param firstOrderApproval whether staff approve each table session before its first order reaches the kitchen
 */
public record Location(UUID id, String name, boolean open, String currency, ZoneId timeZone, TaxSettings taxes,
        PaymentMode paymentMode, boolean firstOrderApproval) {
}
