package io.urop.qr.scan;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import io.urop.qr.table.DiningTable;
import io.urop.qr.table.TableAccess;
import io.urop.qr.table.Tables;
import io.urop.security.CurrentUser;
import io.urop.web.ConflictException;
import io.urop.web.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What staff see and do of a table's session: whether one is open (since when, how many phones), closing it (the next
 * scan opens a new one), moving it to another table, and how often the table's code was scanned. Any of the staff at the table's location.
 */
@RestController
class TableSessionController {

    private final Tables tables;
    private final TableSessions sessions;
    private final TransactionTemplate readOnly;

    TableSessionController(Tables tables, TableSessions sessions, TransactionTemplate transactions) {
        this.tables = tables;
        this.sessions = sessions;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    @GetMapping("/api/v1/tables/{tableId}/session")
    TableSessions.OpenSession session(@PathVariable UUID tableId) {
        CurrentUser user = CurrentUser.require();
        requireTable(user, tableId);
        return sessions.find(user.requireTenant(), tableId)
                .orElseThrow(() -> new NotFoundException("The table has no open session"));
    }

    /** Ends the table's session (the party left, the bill is settled): the next scan opens a new one. */
    @DeleteMapping("/api/v1/tables/{tableId}/session")
    ResponseEntity<Void> close(@PathVariable UUID tableId) {
        CurrentUser user = CurrentUser.require();
        requireTable(user, tableId);
        if (!sessions.close(user.requireTenant(), tableId)) {
            throw new NotFoundException("The table has no open session");
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Moves the table's party to another free table of the same location (table 4 to table 9): the session and its
     * guests go along; 409 if the other table has a session of its own.
     */
    @PostMapping("/api/v1/tables/{tableId}/session/move")
    TableSessions.OpenSession move(@PathVariable UUID tableId, @Valid @RequestBody MoveRequest request) {
        CurrentUser user = CurrentUser.require();
        DiningTable from = requireTable(user, tableId);
        DiningTable to = requireTable(user, request.toTableId());
        if (!to.locationId().equals(from.locationId())) {
            throw new NotFoundException("No such table at this location");
        }
        if (!to.active()) {
            throw new ConflictException("Table " + to.name() + " is not in service");
        }
        switch (sessions.move(user.requireTenant(), tableId, to.id())) {
            case NO_SESSION -> throw new NotFoundException("The table has no open session");
            case TARGET_OCCUPIED -> throw new ConflictException("Table " + to.name() + " has a session of its own");
            case MOVED -> {
            }
        }
        return sessions.find(user.requireTenant(), to.id())
                .orElseThrow(() -> new NotFoundException("The session ended meanwhile"));
    }

    record MoveRequest(@NotNull UUID toTableId) {
    }

    /** How many times the table's code opened or joined a session. */
    @GetMapping("/api/v1/tables/{tableId}/scans")
    Map<String, Object> scans(@PathVariable UUID tableId) {
        CurrentUser user = CurrentUser.require();
        requireTable(user, tableId);
        return Map.of("tableId", tableId, "scans", sessions.scans(user.requireTenant(), tableId));
    }

    private DiningTable requireTable(CurrentUser user, UUID tableId) {
        DiningTable table = readOnly.execute(status -> tables.find(tableId))
                .orElseThrow(() -> new NotFoundException("No such table"));
        TableAccess.requireReader(user, table.locationId());
        return table;
    }
}
