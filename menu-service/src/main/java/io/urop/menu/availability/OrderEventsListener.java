package io.urop.menu.availability;

import io.urop.events.order.ItemSoldOut;
import io.urop.messaging.inbox.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What order-service announces that menu-service acts on, each event once: an item it counted down to its last
 * portion runs out at the location ({@code order.item-sold-out}), as if staff had marked it.
 */
@Component
class OrderEventsListener {

    private final Inbox inbox;
    private final Unavailability unavailability;

    OrderEventsListener(Inbox inbox, Unavailability unavailability) {
        this.inbox = inbox;
        this.unavailability = unavailability;
    }

    @KafkaListener(topics = "order.events")
    void on(String message) {
        inbox.process(message, "menu-sold-out", ItemSoldOut.class, unavailability::soldOut);
    }
}
