package io.urop.qr.scan;

import java.util.UUID;

import io.urop.events.table.TableDeactivated;
import io.urop.events.table.TableQrRotated;
import io.urop.events.table.TableSessionClosed;
import io.urop.web.ConflictException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A table whose code was replaced, or that was taken out of service, ends its session, and with it its diners' tokens:
 * whoever holds the old code, or sits at a table that no longer serves, orders nothing more. Closed as staff would
 * close it, last in the transaction of the change, which a session changed meanwhile fails with 409.
 */
@Component
class TableChangesListener {

    private final TableSessions sessions;
    private final SessionClosing closing;

    TableChangesListener(TableSessions sessions, SessionClosing closing) {
        this.sessions = sessions;
        this.closing = closing;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TableQrRotated rotated) {
        end(rotated.tenantId(), rotated.locationId(), rotated.tableId(), TableSessionClosed.Reason.CODE_ROTATED);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(TableDeactivated deactivated) {
        end(deactivated.tenantId(), deactivated.locationId(), deactivated.tableId(),
                TableSessionClosed.Reason.TABLE_DEACTIVATED);
    }

    private void end(UUID tenantId, UUID locationId, UUID tableId, TableSessionClosed.Reason reason) {
        sessions.atTable(tenantId, tableId).ifPresent(session -> {
            if (closing.close(tenantId, locationId, session, reason) != TableSessions.Change.DONE) {
                throw new ConflictException("The table's session changed meanwhile: please try again");
            }
        });
    }
}
