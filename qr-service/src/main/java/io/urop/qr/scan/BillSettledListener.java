package io.urop.qr.scan;

import io.urop.events.payment.TableBillSettled;
import io.urop.events.table.TableSessionClosed;
import io.urop.messaging.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A settled bill ends its table session (payment-service's {@code payment.table-bill-settled}): the party paid, so
 * the table's next scan starts a fresh session. Each event once; a session that already ended is left alone.
 */
@Component
class BillSettledListener {

    private static final Logger log = LoggerFactory.getLogger(BillSettledListener.class);

    private final Inbox inbox;
    private final TableSessions sessions;
    private final SessionClosing closing;

    BillSettledListener(Inbox inbox, TableSessions sessions, SessionClosing closing) {
        this.inbox = inbox;
        this.sessions = sessions;
        this.closing = closing;
    }

    @KafkaListener(topics = "payment.events")
    void on(String message) {
        inbox.process(message, "qr-settled-bills", TableBillSettled.class, this::end);
    }

    private void end(TableBillSettled settled) {
        sessions.byId(settled.tenantId(), settled.tableSessionId()).ifPresentOrElse(
                session -> {
                    if (closing.close(settled.tenantId(), settled.locationId(), session,
                            TableSessionClosed.Reason.BILL_SETTLED) == TableSessions.Change.CONFLICT) {
                        // changed by staff meanwhile: fail, so that the event is retried on the session as it is now
                        throw new IllegalStateException("Table session " + session.sessionId() + " changed meanwhile");
                    }
                },
                () -> log.info("Table session {} had ended before its bill was settled", settled.tableSessionId()));
    }
}
