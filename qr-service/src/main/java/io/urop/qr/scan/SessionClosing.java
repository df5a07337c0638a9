package io.urop.qr.scan;

import java.time.Clock;
import java.util.UUID;

import io.urop.events.table.TableSessionClosed;
import io.urop.messaging.outbox.Outbox;

import org.springframework.stereotype.Component;

/**
 * Ends a table session, whatever ends it (staff, a settled bill, its table's code replaced or the table taken out of
 * service, its maximum life): {@code table.session-closed} goes into the outbox with every table and merged session
 * the session held, then the session leaves Redis, last in the caller's transaction, so that a Redis that cannot
 * answer leaves both as they were. Its diners' tokens are refused from then on (auth-service lists the sessions the
 * event names).
 */
@Component
class SessionClosing {

    private final TableSessions sessions;
    private final Outbox outbox;
    private final Clock clock;

    SessionClosing(TableSessions sessions, Outbox outbox, Clock clock) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Must run in a transaction. */
    TableSessions.Change close(UUID tenantId, UUID locationId, TableSessions.OpenSession session,
            TableSessionClosed.Reason reason) {
        outbox.add(new TableSessionClosed(session.sessionId(), tenantId, locationId, session.tableId(),
                session.tableIds(), session.mergedSessionIds(), reason, clock.instant()), tenantId,
                session.tableId().toString());
        return sessions.close(tenantId, session);
    }
}
