package io.urop.auth.diner;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import io.urop.auth.session.RevokedSessions;
import io.urop.events.table.TableSessionClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A closed table session ends its diners' tokens, and those of the sessions merged into it: each is put on the
 * deny-list the gateway checks. Only a session recorded for the closing tenant is, so that a closing cannot sign out
 * staff (their sessions are never recorded) or another tenant's diners.
 */
@Component
class ClosedTableSessions {

    static final String REASON = "table-session-closed";

    private static final Logger log = LoggerFactory.getLogger(ClosedTableSessions.class);

    private final TableSessions tableSessions;
    private final RevokedSessions revokedSessions;

    ClosedTableSessions(TableSessions tableSessions, RevokedSessions revokedSessions) {
        this.tableSessions = tableSessions;
        this.revokedSessions = revokedSessions;
    }

    void closed(TableSessionClosed closed) {
        Stream.concat(Stream.of(closed.sessionId()), closed.mergedSessionIds().stream())
                .filter(Objects::nonNull)
                .distinct()
                .forEach(session -> end(session, closed.tenantId()));
    }

    private void end(UUID tableSession, UUID closingTenant) {
        Optional<UUID> owner = tableSessions.tenantOf(tableSession);
        if (owner.isEmpty()) {
            log.warn("Table session {} closed by tenant {} is not listed: no diner token of it can still be valid, "
                    + "or it is not a table session", tableSession, closingTenant);
        } else if (!owner.get().equals(closingTenant)) {
            log.warn("Table session {} closed by tenant {} is not listed: its diner tokens are tenant {}'s",
                    tableSession, closingTenant, owner.get());
        } else {
            revokedSessions.addTableSession(tableSession, REASON);
        }
    }
}
