package io.urop.payment;

import java.util.List;
import java.util.UUID;

import io.urop.events.IntegrationEvent;
import io.urop.messaging.outbox.Outbox;

import org.springframework.stereotype.Component;

/**
 * Writes the integration events a change causes to the outbox, in the transaction of the change, keyed by the
 * aggregate (a payment, or the tenant for its merchant account) so that one aggregate's events keep their order.
 */
@Component
public class PaymentEvents {

    private final Outbox outbox;

    PaymentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(UUID tenantId, UUID aggregateId, List<Object> events) {
        for (Object event : events) {
            if (event.getClass().isAnnotationPresent(IntegrationEvent.class)) {
                outbox.add(event, tenantId, aggregateId.toString());
            }
        }
    }
}
