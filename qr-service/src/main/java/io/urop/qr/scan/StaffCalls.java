package io.urop.qr.scan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.urop.events.table.TableAssistanceRequested;
import io.urop.events.table.TableAssistanceRequested.Reason;
import io.urop.messaging.outbox.Outbox;
import io.urop.qr.table.DiningTable;
import io.urop.qr.table.Tables;
import io.urop.security.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A diner asks for a member of staff from the phone (to come over, or to bring the bill): announced to the location's
 * staff through the outbox ({@code table.assistance-requested}), at most once a minute per session and reason, so that
 * a guest tapping again and again, or every phone of the table, calls once. The minute is marked once the call is
 * committed: a call that failed is never swallowed by it, and two taps at the same instant may both call.
 */
@Service
class StaffCalls {

    static final Duration ONCE_PER = Duration.ofMinutes(1);

    private final TableSessions sessions;
    private final Tables tables;
    private final Outbox outbox;
    private final Clock clock;

    StaffCalls(TableSessions sessions, Tables tables, Outbox outbox, Clock clock) {
        this.sessions = sessions;
        this.tables = tables;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public StaffCall call(CurrentUser diner, Reason reason, String guestName) {
        UUID tenant = diner.requireTenant();
        TableSessions.Seated seated = sessions.seated(tenant, DinerSessions.tokenSession(diner), diner.subject())
                .orElseThrow(DinerSessions::over);
        UUID session = seated.session().sessionId();
        Instant now = clock.instant();
        if (sessions.staffCalledRecently(tenant, session, reason.name())) {
            return new StaffCall(reason, now, false);
        }
        DiningTable table = tables.find(seated.tableId()).orElseThrow(DinerSessions::over);
        outbox.add(new TableAssistanceRequested(session, tenant, table.locationId(), table.id(), table.name(),
                guestName == null || guestName.isBlank() ? null : guestName.strip(), reason, now), tenant,
                table.id().toString());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sessions.calledStaff(tenant, session, reason.name(), ONCE_PER);
            }
        });
        return new StaffCall(reason, now, true);
    }

    /** @param announced whether this call reached staff, or one of the last minute already had */
    record StaffCall(Reason reason, Instant at, boolean announced) {
    }
}
