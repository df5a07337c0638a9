package io.urop.order.location;

import io.urop.events.tenant.LocationChanged;
import io.urop.messaging.inbox.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps order-service's copy of the tenant's locations, from tenant-service's {@code tenant.location-changed}: each
 * event once, and never an older state over a newer one.
 */
@Component
class LocationEventsListener {

    private final Inbox inbox;
    private final Locations locations;

    LocationEventsListener(Inbox inbox, Locations locations) {
        this.inbox = inbox;
        this.locations = locations;
    }

    @KafkaListener(topics = "tenant.events")
    void on(String message) {
        inbox.process(message, "order-locations", LocationChanged.class, locations::keep);
    }
}
