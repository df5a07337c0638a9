package io.urop.auth.diner;

import io.urop.events.table.TableSessionClosed;
import io.urop.messaging.inbox.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Learns, once each, of the table sessions qr-service closed. */
@Component
class TableEventsListener {

    private final Inbox inbox;
    private final ClosedTableSessions closedTableSessions;

    TableEventsListener(Inbox inbox, ClosedTableSessions closedTableSessions) {
        this.inbox = inbox;
        this.closedTableSessions = closedTableSessions;
    }

    @KafkaListener(topics = "table.events")
    void on(String message) {
        inbox.process(message, "diner-token-revocations", TableSessionClosed.class, closedTableSessions::closed);
    }
}
