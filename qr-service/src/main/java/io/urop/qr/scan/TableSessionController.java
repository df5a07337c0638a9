package io.urop.qr.scan;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.urop.security.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What staff see and do of a table's session: whether one is open (since when, how many phones, over which tables),
 * opening it as they seat a party, closing it (the next scan opens a new one), moving it to another table, merging
 * another table's into it, approving it, and how often the table's code was scanned. Any of the staff at the table's
 * location.
 */
@RestController
class TableSessionController {

    private final StaffSessions sessions;

    TableSessionController(StaffSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/api/v1/tables/{tableId}/session")
    TableSessions.OpenSession session(@PathVariable UUID tableId) {
        return sessions.find(CurrentUser.require(), tableId);
    }

    /**
     * Seats a party at a free table before anyone scans: the session opens now, already approved, and the party's
     * phones join it when they scan. 409 if the table has a session.
     */
    @PostMapping("/api/v1/tables/{tableId}/session")
    ResponseEntity<TableSessions.OpenSession> open(@PathVariable UUID tableId) {
        return ResponseEntity.status(HttpStatus.CREATED).body(sessions.open(CurrentUser.require(), tableId));
    }

    /** Ends the table's session (the party left, the bill is settled): the next scan opens a new one. */
    @DeleteMapping("/api/v1/tables/{tableId}/session")
    ResponseEntity<Void> close(@PathVariable UUID tableId) {
        sessions.close(CurrentUser.require(), tableId);
        return ResponseEntity.noContent().build();
    }

    /**
     * Moves the table's party to another free table of the same location (table 4 to table 9): the session and its
     * guests go along; 409 if the other table has a session of its own.
     */
    @PostMapping("/api/v1/tables/{tableId}/session/move")
    TableSessions.OpenSession move(@PathVariable UUID tableId, @Valid @RequestBody MoveRequest request) {
        return sessions.move(CurrentUser.require(), tableId, request.toTableId());
    }

    record MoveRequest(@NotNull UUID toTableId) {
    }

    /**
     * Merges another table's session into this one's (two parties pushed their tables together, a group spread over
     * two tables): one session over both, with every guest; their tokens keep working until it ends.
     */
    @PostMapping("/api/v1/tables/{tableId}/session/merge")
    TableSessions.OpenSession merge(@PathVariable UUID tableId, @Valid @RequestBody MergeRequest request) {
        return sessions.merge(CurrentUser.require(), tableId, request.fromTableId());
    }

    record MergeRequest(@NotNull UUID fromTableId) {
    }

    /**
     * Confirms that the session is a real party at the table, where the location has staff approve a session before
     * its first order goes to the kitchen; approving a session that needs none changes nothing.
     */
    @PostMapping("/api/v1/tables/{tableId}/session/approval")
    TableSessions.OpenSession approve(@PathVariable UUID tableId) {
        return sessions.approve(CurrentUser.require(), tableId);
    }

    /** How many times the table's code opened or joined a session. */
    @GetMapping("/api/v1/tables/{tableId}/scans")
    Map<String, Object> scans(@PathVariable UUID tableId) {
        return Map.of("tableId", tableId, "scans", sessions.scans(CurrentUser.require(), tableId));
    }
}
