package io.urop.qr.scan;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.urop.security.CurrentUser;
import io.urop.contracts.Role;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * A diner's own table session, as their token names it: which it is now (the one it was merged into, if staff merged
 * it), the table they sit at (after a move, the new one), and a fresh token saying so, for as long as the session is
 * open and has not reached its maximum life. Each use keeps the session alive like a scan does.
 */
@Service
class DinerSessions {

    static final URI SESSION_OVER = URI.create("https://urop.io/problems/table-session-over");

    private final TableSessions sessions;
    private final DinerTokens dinerTokens;

    DinerSessions(TableSessions sessions, DinerTokens dinerTokens) {
        this.sessions = sessions;
        this.dinerTokens = dinerTokens;
    }

    DinerSession current(CurrentUser diner) {
        TableSessions.Seated seated = sessions.seated(diner.requireTenant(), tokenSession(diner), diner.subject())
                .orElseThrow(DinerSessions::over);
        TableSessions.OpenSession session = seated.session();
        return new DinerSession(session.sessionId(), seated.tableId(), session.tableIds(), session.openedAt(),
                session.endsAt(), session.guests(), session.approval());
    }

    DinerTokens.DinerToken freshToken(CurrentUser diner) {
        TableSessions.Seat seat = sessions.seatOf(diner.requireTenant(), tokenSession(diner), diner.subject())
                .orElseThrow(DinerSessions::over);
        return dinerTokens.issue(diner.requireTenant(), location(diner), seat.tableId(), seat.sessionId(),
                UUID.fromString(diner.subject()));
    }

    /** The table session a diner's token names (its {@code sid}). */
    static UUID tokenSession(CurrentUser diner) {
        if (!diner.hasRole(Role.DINER) || diner.sessionId() == null || diner.locations().size() != 1) {
            throw new AccessDeniedException("Only a diner seated at a table has a table session");
        }
        try {
            return UUID.fromString(diner.sessionId());
        }
        catch (IllegalArgumentException e) {
            throw over();
        }
    }

    private static UUID location(CurrentUser diner) {
        return diner.locations().iterator().next();
    }

    static ErrorResponseException over() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE,
                "This table's session has ended. Scan the code on your table to start a new one.");
        problem.setType(SESSION_OVER);
        problem.setTitle("Session ended");
        return new ErrorResponseException(HttpStatus.GONE, problem, null);
    }

    /**
     * @param tableId  the table this diner sits at
     * @param tableIds every table of the session
     * @param endsAt   when the session ends at the latest, however busy
     */
    record DinerSession(UUID sessionId, UUID tableId, List<UUID> tableIds, Instant openedAt, Instant endsAt,
            long guests, TableSessions.Approval approval) {
    }
}
