package io.urop.events.order;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event of an order's progress carries: which order, where, the table session it belongs to (null for
 * takeaway and counter orders), who moved it on (a user, a diner, or {@code system} for the service itself) and when.
 */
public interface OrderStateChanged {

    UUID orderId();

    UUID tenantId();

    UUID locationId();

    UUID tableSessionId();

    String by();

    Instant at();
}
