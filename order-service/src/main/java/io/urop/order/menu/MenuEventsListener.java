package io.urop.order.menu;

import java.time.Clock;

import io.urop.events.menu.AvailabilityChanged;
import io.urop.events.menu.MenuPublished;
import io.urop.messaging.inbox.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a copy of every version menu-service publishes ({@code menu.published}) and of what each location ran out of
 * ({@code menu.availability-changed}), each event once.
 */
@Component
class MenuEventsListener {

    private final Inbox inbox;
    private final PublishedSnapshots snapshots;
    private final MenuCopies copies;
    private final Availabilities availabilities;
    private final Clock clock;

    MenuEventsListener(Inbox inbox, PublishedSnapshots snapshots, MenuCopies copies, Availabilities availabilities,
            Clock clock) {
        this.inbox = inbox;
        this.snapshots = snapshots;
        this.copies = copies;
        this.availabilities = availabilities;
        this.clock = clock;
    }

    @KafkaListener(topics = "menu.events")
    void on(String message) {
        inbox.process(message, "menu-copies", MenuPublished.class,
                published -> copies.keep(snapshots.of(published), published.locationIds(), clock.instant()));
        inbox.process(message, "menu-availability", AvailabilityChanged.class, availabilities::keep);
    }
}
