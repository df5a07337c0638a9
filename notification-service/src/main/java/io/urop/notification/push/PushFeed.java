package io.urop.notification.push;

import io.urop.events.EventCodec;
import io.urop.events.EventEnvelope;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns the fleet's committed events into pushes, in the order each topic's partitions deliver them: the instances
 * share one consumer group, so each event is appended once to its streams ({@link PushLog}, which also ignores an
 * event Kafka delivers again), and every instance then reads the streams for the sockets it holds.
 */
@Component
class PushFeed {

    private final EventCodec codec;
    private final PushLog log;

    PushFeed(EventCodec codec, PushLog log) {
        this.codec = codec;
        this.log = log;
    }

    @KafkaListener(topics = {"order.events", "payment.events", "menu.events", "table.events"})
    void on(String message) {
        EventEnvelope event = codec.decode(message);
        if (event.tenantId() != null) {
            log.append(event, PushRouting.of(event));
        }
    }
}
