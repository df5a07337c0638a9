package io.urop.order;

import java.util.List;
import java.util.UUID;

import io.urop.events.IntegrationEvent;
import io.urop.messaging.outbox.Outbox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes what a change of one of order-service's aggregates causes: the integration events among its events go to the
 * outbox under {@code key}, so that one aggregate's events keep their order, and every event is published within the
 * service, in the same transaction, so that what follows the change (tickets, the tab, pacing, countdowns) commits
 * with it or not at all.
 */
@Component
public class OrderEvents {

    private final Outbox outbox;
    private final ApplicationEventPublisher inProcess;

    OrderEvents(Outbox outbox, ApplicationEventPublisher inProcess) {
        this.outbox = outbox;
        this.inProcess = inProcess;
    }

    public void publish(UUID tenantId, String key, List<Object> events) {
        for (Object event : events) {
            if (event.getClass().isAnnotationPresent(IntegrationEvent.class)) {
                outbox.add(event, tenantId, key);
            }
            inProcess.publishEvent(event);
        }
    }
}
