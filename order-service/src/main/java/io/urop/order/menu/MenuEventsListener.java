package io.urop.order.menu;

import java.time.Clock;

import io.urop.events.menu.MenuPublished;
import io.urop.messaging.inbox.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps a copy of every version menu-service publishes ({@code menu.published}), each event once. */
@Component
class MenuEventsListener {

    private final Inbox inbox;
    private final PublishedSnapshots snapshots;
    private final MenuCopies copies;
    private final Clock clock;

    MenuEventsListener(Inbox inbox, PublishedSnapshots snapshots, MenuCopies copies, Clock clock) {
        this.inbox = inbox;
        this.snapshots = snapshots;
        this.copies = copies;
        this.clock = clock;
    }

    @KafkaListener(topics = "menu.events")
    void on(String message) {
        inbox.process(message, "menu-copies", MenuPublished.class,
                published -> copies.keep(snapshots.of(published), published.locationIds(), clock.instant()));
    }
}
