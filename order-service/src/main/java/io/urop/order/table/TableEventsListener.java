package io.urop.order.table;

import io.urop.events.table.TableCreated;
import io.urop.events.table.TableSessionApproved;
import io.urop.events.table.TableSessionClosed;
import io.urop.events.table.TableSessionMoved;
import io.urop.events.table.TableSessionsMerged;
import io.urop.messaging.inbox.Inbox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What qr-service announces about tables and their sessions, each event once: table names are kept for tickets, and
 * approvals, moves, merges and closings are passed on within the service, in the same transaction, so that held
 * tickets fire, open orders, tickets and tabs follow their party to its new table or session, and a session's tab
 * knows the session is over.
 */
@Component
class TableEventsListener {

    private final Inbox inbox;
    private final DiningTables tables;
    private final ApprovedSessions approvals;
    private final MergedSessions mergedSessions;
    private final ApplicationEventPublisher inProcess;

    TableEventsListener(Inbox inbox, DiningTables tables, ApprovedSessions approvals, MergedSessions mergedSessions,
            ApplicationEventPublisher inProcess) {
        this.inbox = inbox;
        this.tables = tables;
        this.approvals = approvals;
        this.mergedSessions = mergedSessions;
        this.inProcess = inProcess;
    }

    @KafkaListener(topics = "table.events")
    void on(String message) {
        inbox.process(message, "order-tables", TableCreated.class, tables::keep);
        inbox.process(message, "order-approvals", TableSessionApproved.class, approval -> {
            approvals.keep(approval);
            inProcess.publishEvent(approval);
        });
        inbox.process(message, "order-session-moves", TableSessionMoved.class, inProcess::publishEvent);
        inbox.process(message, "order-session-merges", TableSessionsMerged.class, merged -> {
            mergedSessions.keep(merged);
            inProcess.publishEvent(merged);
        });
        inbox.process(message, "order-session-closings", TableSessionClosed.class, inProcess::publishEvent);
    }
}
