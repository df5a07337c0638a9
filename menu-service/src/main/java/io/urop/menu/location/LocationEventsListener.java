package io.urop.menu.location;

import io.urop.events.tenant.LocationChanged;
import io.urop.messaging.inbox.Inbox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps menu-service's copy of the tenant's locations (their time zone decides which dayparts are on, their menu
 * access who may read the menu), from tenant-service's {@code tenant.location-changed}: each event once, and never
 * an older state over a newer one. A location that changed is announced ({@link KnownLocationChanged}): its cached
 * public menu is dropped.
 */
@Component
class LocationEventsListener {

    private final Inbox inbox;
    private final KnownLocations locations;
    private final ApplicationEventPublisher events;

    LocationEventsListener(Inbox inbox, KnownLocations locations, ApplicationEventPublisher events) {
        this.inbox = inbox;
        this.locations = locations;
        this.events = events;
    }

    @KafkaListener(topics = "tenant.events")
    void on(String message) {
        inbox.process(message, "menu-locations", LocationChanged.class, this::keep);
    }

    private void keep(LocationChanged location) {
        if (locations.keep(location)) {
            events.publishEvent(new KnownLocationChanged(location.locationId()));
        }
    }
}
