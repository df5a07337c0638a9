package io.urop.qr.scan;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.urop.events.table.TableSessionClosed;
import io.urop.events.table.TableSessionMoved;
import io.urop.messaging.outbox.Outbox;
import io.urop.qr.table.DiningTable;
import io.urop.qr.table.TableAccess;
import io.urop.qr.table.Tables;
import io.urop.security.CurrentUser;
import io.urop.web.ConflictException;
import io.urop.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with a table's session: look at it, close it, move it to another table. A close or a move is
 * announced through the outbox ({@code table.session-closed}, {@code table.session-moved}); the session in Redis is
 * changed last in the transaction, so a Redis that cannot answer leaves both as they were.
 */
@Service
class StaffSessions {

    private final Tables tables;
    private final TableSessions sessions;
    private final Outbox outbox;
    private final Clock clock;

    StaffSessions(Tables tables, TableSessions sessions, Outbox outbox, Clock clock) {
        this.tables = tables;
        this.sessions = sessions;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TableSessions.OpenSession find(CurrentUser user, UUID tableId) {
        requireTable(user, tableId);
        return sessions.find(user.requireTenant(), tableId).orElseThrow(StaffSessions::noSession);
    }

    @Transactional
    public void close(CurrentUser user, UUID tableId) {
        DiningTable table = requireTable(user, tableId);
        UUID tenant = user.requireTenant();
        TableSessions.OpenSession session = sessions.find(tenant, tableId).orElseThrow(StaffSessions::noSession);
        outbox.add(new TableSessionClosed(session.sessionId(), tenant, table.locationId(), tableId, List.of(tableId),
                List.of(), TableSessionClosed.CLOSED_BY_STAFF, clock.instant()),
                tenant, tableId.toString());
        if (!sessions.close(tenant, tableId)) {
            throw noSession();
        }
    }

    @Transactional
    public TableSessions.OpenSession move(CurrentUser user, UUID tableId, UUID toTableId) {
        DiningTable from = requireTable(user, tableId);
        DiningTable to = requireTable(user, toTableId);
        if (!to.locationId().equals(from.locationId())) {
            throw new NotFoundException("No such table at this location");
        }
        if (!to.active()) {
            throw new ConflictException("Table " + to.name() + " is not in service");
        }
        UUID tenant = user.requireTenant();
        TableSessions.OpenSession session = sessions.find(tenant, tableId).orElseThrow(StaffSessions::noSession);
        outbox.add(new TableSessionMoved(session.sessionId(), tenant, from.locationId(), tableId, toTableId,
                clock.instant()), tenant, tableId.toString());
        switch (sessions.move(tenant, tableId, toTableId)) {
            case NO_SESSION -> throw noSession();
            case TARGET_OCCUPIED -> throw new ConflictException("Table " + to.name() + " has a session of its own");
            case MOVED -> {
            }
        }
        return sessions.find(tenant, toTableId).orElseThrow(() -> new NotFoundException("The session ended meanwhile"));
    }

    @Transactional(readOnly = true)
    public long scans(CurrentUser user, UUID tableId) {
        requireTable(user, tableId);
        return sessions.scans(user.requireTenant(), tableId);
    }

    private DiningTable requireTable(CurrentUser user, UUID tableId) {
        DiningTable table = tables.find(tableId).orElseThrow(() -> new NotFoundException("No such table"));
        TableAccess.requireReader(user, table.locationId());
        return table;
    }

    private static NotFoundException noSession() {
        return new NotFoundException("The table has no open session");
    }
}
