package io.urop.qr.scan;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.urop.events.table.TableSessionClosed;
import io.urop.qr.table.DiningTable;
import io.urop.qr.table.Tables;
import io.urop.tenancy.RecurringJob;
import io.urop.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the table sessions that reached {@link ScanProperties#sessionMaxLife()}, however busy, as staff would close
 * them ({@code table.session-closed}, reason {@value TableSessionClosed#MAX_LIFE_REACHED}): a scan at their table
 * closes them before it opens the next, and every {@link ScanProperties#overdueSessionsCheck()} the rest are closed
 * whether anyone is at the table or not, so that their diners' tokens end on time. Instances may check at once: a
 * session closes once, and only its closing announces it.
 */
@Component
class OverdueSessions extends RecurringJob {

    private static final Logger log = LoggerFactory.getLogger(OverdueSessions.class);

    private static final int BATCH = 200;

    private final TableSessions sessions;
    private final SessionClosing closing;
    private final Tables tables;
    private final TransactionTemplate transactions;
    private final ScanProperties properties;
    private final Clock clock;

    OverdueSessions(TableSessions sessions, SessionClosing closing, Tables tables,
            PlatformTransactionManager transactionManager, ScanProperties properties, Clock clock) {
        super("check for overdue table sessions", properties.overdueSessionsCheck(), properties.overdueSessionsCheck());
        this.sessions = sessions;
        this.closing = closing;
        this.tables = tables;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    /** Closes the table's session if it reached its end (a scan found it so). */
    void endAt(UUID tenantId, UUID locationId, UUID tableId) {
        Instant now = clock.instant();
        TenantContext.runAs(tenantId, () -> transactions.executeWithoutResult(status -> sessions
                .atTable(tenantId, tableId).filter(session -> session.overAt(now))
                .ifPresent(session -> {
                    if (closing.close(tenantId, locationId, session, TableSessionClosed.Reason.MAX_LIFE_REACHED)
                            != TableSessions.Change.DONE) {
                        // closed or changed meanwhile: whoever did announced it; the scan looks again
                        status.setRollbackOnly();
                    }
                })));
    }

    /** One round: closes every session whose end has come. */
    int endOverdue() {
        Instant now = clock.instant();
        int ended = 0;
        long skip = 0;
        List<TableSessions.Due> due;
        do {
            due = sessions.due(now, skip, BATCH);
            for (TableSessions.Due session : due) {
                TableSessions.Change change;
                try {
                    change = end(session, now);
                }
                catch (DataAccessException | TransactionException e) {
                    // Redis or PostgreSQL could not be reached, or refused the change
                    log.warn("Table session {} reached its end but could not be closed; retried in {}: {}",
                            session.sessionId(), properties.overdueSessionsCheck(), e.toString());
                    change = TableSessions.Change.CONFLICT;
                }
                catch (RuntimeException e) {
                    // a defect about this one session: logged in full, and the others still close
                    log.error("Table session {} reached its end but could not be closed; retried in {}",
                            session.sessionId(), properties.overdueSessionsCheck(), e);
                    change = TableSessions.Change.CONFLICT;
                }
                if (change == TableSessions.Change.CONFLICT) {
                    skip++;
                }
                else {
                    ended += change == TableSessions.Change.DONE ? 1 : 0;
                    sessions.forget(session);
                }
            }
        }
        while (due.size() == BATCH);
        return ended;
    }

    private TableSessions.Change end(TableSessions.Due due, Instant now) {
        return TenantContext.callAs(due.tenantId(), () -> transactions.execute(status -> {
            Optional<TableSessions.OpenSession> session = sessions.byId(due.tenantId(), due.sessionId());
            if (session.isEmpty()) {
                // ended already, or merged into another that ends on its own
                return TableSessions.Change.GONE;
            }
            Optional<UUID> location = tables.find(session.get().tableId()).map(DiningTable::locationId);
            if (!session.get().overAt(now) || location.isEmpty()) {
                return TableSessions.Change.GONE;
            }
            TableSessions.Change change = closing.close(due.tenantId(), location.get(), session.get(),
                    TableSessionClosed.Reason.MAX_LIFE_REACHED);
            if (change != TableSessions.Change.DONE) {
                status.setRollbackOnly();
            }
            return change;
        }));
    }

    @Override
    protected void runRound() {
        int ended = endOverdue();
        if (ended > 0) {
            log.info("Closed {} table sessions that reached their maximum life", ended);
        }
    }
}
