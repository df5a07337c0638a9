package io.urop.auth.diner;

import java.util.UUID;

import io.urop.auth.session.RevokedSessions;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ends every diner token of a table session, for qr-service only (the bill settled, staff closed the
 * table, or the party moved): the session goes on the deny-list the gateway checks, for as long as a
 * diner's token lives. Repeating it is harmless.
 */
@RestController
class TableSessionRevocationController {

    private final RevokedSessions revokedSessions;

    TableSessionRevocationController(RevokedSessions revokedSessions) {
        this.revokedSessions = revokedSessions;
    }

    @PostMapping("/internal/v1/table-sessions/{tableSessionId}/revocation")
    @PreAuthorize("hasRole('SERVICE') and authentication.name == 'qr-service'")
    ResponseEntity<Void> revoke(@PathVariable UUID tableSessionId) {
        revokedSessions.addTableSession(tableSessionId, "table-session-ended");
        return ResponseEntity.noContent().build();
    }
}
