package io.urop.qr.scan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.urop.events.table.TableSessionApproved;
import io.urop.events.table.TableSessionClosed;
import io.urop.events.table.TableSessionMoved;
import io.urop.events.table.TableSessionsMerged;
import io.urop.messaging.outbox.Outbox;
import io.urop.qr.table.DiningTable;
import io.urop.qr.table.TableAccess;
import io.urop.qr.table.Tables;
import io.urop.security.CurrentUser;
import io.urop.web.ConflictException;
import io.urop.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * What staff do with a table's session: look at it, close it, move it to another table, merge another table's into it,
 * approve it. Each change is announced through the outbox ({@code table.session-*}) and made in Redis last in the
 * transaction, by a script that refuses it if the session changed since it was read: a Redis that cannot answer, or
 * two members of staff at once, never leave an event without its change or the reverse.
 */
@Service
class StaffSessions {

    private final Tables tables;
    private final TableSessions sessions;
    private final SessionClosing closing;
    private final Outbox outbox;
    private final Clock clock;

    StaffSessions(Tables tables, TableSessions sessions, SessionClosing closing, Outbox outbox, Clock clock) {
        this.tables = tables;
        this.sessions = sessions;
        this.closing = closing;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TableSessions.OpenSession find(CurrentUser user, UUID tableId) {
        requireTable(user, tableId);
        return session(user.requireTenant(), tableId);
    }

    /** Seats a party at a free table: its session opens now, approved, whatever the hours; 409 if it has one. */
    @Transactional(readOnly = true)
    public TableSessions.OpenSession open(CurrentUser user, UUID tableId) {
        DiningTable table = requireTable(user, tableId);
        if (!table.active()) {
            throw new ConflictException("Table " + table.name() + " is not in service");
        }
        UUID tenant = user.requireTenant();
        if (!sessions.open(tenant, tableId, user.subject())) {
            throw new ConflictException("Table " + table.name() + " has a session already");
        }
        return session(tenant, tableId);
    }

    @Transactional
    public void close(CurrentUser user, UUID tableId) {
        DiningTable table = requireTable(user, tableId);
        UUID tenant = user.requireTenant();
        expect(closing.close(tenant, table.locationId(), session(tenant, tableId),
                TableSessionClosed.Reason.CLOSED_BY_STAFF));
    }

    @Transactional
    public TableSessions.OpenSession move(CurrentUser user, UUID tableId, UUID toTableId) {
        DiningTable from = requireTable(user, tableId);
        DiningTable to = otherTableAtTheSameLocation(user, from, toTableId);
        if (!to.active()) {
            throw new ConflictException("Table " + to.name() + " is not in service");
        }
        UUID tenant = user.requireTenant();
        TableSessions.OpenSession session = session(tenant, tableId);
        outbox.add(new TableSessionMoved(session.sessionId(), tenant, from.locationId(), tableId, toTableId,
                clock.instant()), tenant, tableId.toString());
        if (sessions.move(tenant, session, toTableId) == TableSessions.Change.CONFLICT) {
            throw new ConflictException("Table " + to.name() + " has a session of its own: merge the two instead");
        }
        return session(tenant, toTableId);
    }

    /**
     * Merges the session of {@code fromTableId} into that of {@code tableId}: one party, one cart, one bill, over all
     * the tables both held.
     */
    @Transactional
    public TableSessions.OpenSession merge(CurrentUser user, UUID tableId, UUID fromTableId) {
        DiningTable into = requireTable(user, tableId);
        DiningTable from = otherTableAtTheSameLocation(user, into, fromTableId);
        UUID tenant = user.requireTenant();
        TableSessions.OpenSession target = session(tenant, tableId);
        TableSessions.OpenSession source = sessions.atTable(tenant, fromTableId)
                .orElseThrow(() -> new NotFoundException("Table " + from.name() + " has no open session"));
        if (source.sessionId().equals(target.sessionId())) {
            throw new ConflictException("Tables " + into.name() + " and " + from.name() + " already share one session");
        }
        List<UUID> allTables = new ArrayList<>(target.tableIds());
        allTables.addAll(source.tableIds());
        outbox.add(new TableSessionsMerged(target.sessionId(), source.sessionId(), tenant, into.locationId(), allTables,
                clock.instant()), tenant, tableId.toString());
        expect(sessions.merge(tenant, target, source));
        return session(tenant, tableId);
    }

    /** Confirms the table's party is real, where the location wants that before a session's first order. */
    @Transactional
    public TableSessions.OpenSession approve(CurrentUser user, UUID tableId) {
        DiningTable table = requireTable(user, tableId);
        UUID tenant = user.requireTenant();
        TableSessions.OpenSession session = session(tenant, tableId);
        if (session.approval() != TableSessions.Approval.REQUIRED) {
            return session;
        }
        Instant now = clock.instant();
        outbox.add(new TableSessionApproved(session.sessionId(), tenant, table.locationId(), tableId,
                UUID.fromString(user.subject()), now), tenant, tableId.toString());
        switch (sessions.approve(tenant, session.sessionId(), user.subject(), now)) {
            case GONE -> throw noSession();
            // someone else approved it meanwhile: their event stands, this one is dropped
            case CONFLICT -> TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            case DONE -> {
            }
        }
        return session(tenant, tableId);
    }

    @Transactional(readOnly = true)
    public long scans(CurrentUser user, UUID tableId) {
        requireTable(user, tableId);
        return sessions.scans(user.requireTenant(), tableId);
    }

    private TableSessions.OpenSession session(UUID tenant, UUID tableId) {
        return sessions.atTable(tenant, tableId).orElseThrow(StaffSessions::noSession);
    }

    private DiningTable requireTable(CurrentUser user, UUID tableId) {
        DiningTable table = tables.find(tableId).orElseThrow(() -> new NotFoundException("No such table"));
        TableAccess.requireReader(user, table.locationId());
        return table;
    }

    private DiningTable otherTableAtTheSameLocation(CurrentUser user, DiningTable table, UUID otherId) {
        DiningTable other = requireTable(user, otherId);
        if (!other.locationId().equals(table.locationId())) {
            throw new NotFoundException("No such table at this location");
        }
        if (other.id().equals(table.id())) {
            throw new ConflictException("That is the same table");
        }
        return other;
    }

    private static void expect(TableSessions.Change change) {
        switch (change) {
            case GONE -> throw noSession();
            case CONFLICT -> throw new ConflictException("The session changed meanwhile: look at it again");
            case DONE -> {
            }
        }
    }

    private static NotFoundException noSession() {
        return new NotFoundException("The table has no open session");
    }
}
