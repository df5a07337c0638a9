package io.urop.qr.scan;

import java.util.Map;

import io.urop.events.table.TableAssistanceRequested;
import io.urop.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer app's view of its table session (DINER tokens only): the session and table now, a fresh token that
 * names them, which the app asks for after staff moved or merged its table, or before its token expires, and a call
 * for staff to come to the table. 410 once the session has ended.
 */
@RestController
class DinerSessionController {

    private final DinerSessions sessions;
    private final StaffCalls staffCalls;

    DinerSessionController(DinerSessions sessions, StaffCalls staffCalls) {
        this.sessions = sessions;
        this.staffCalls = staffCalls;
    }

    @GetMapping("/api/v1/table-sessions/current")
    DinerSessions.DinerSession current() {
        return sessions.current(CurrentUser.require());
    }

    @PostMapping("/api/v1/table-sessions/current/token")
    ResponseEntity<Map<String, Object>> token() {
        DinerTokens.DinerToken token = sessions.freshToken(CurrentUser.require());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of(
                "accessToken", token.accessToken(), "tokenType", "Bearer", "expiresIn", token.expiresIn()));
    }

    /** Asks for a member of staff: 202 whether this call reached them or one of the last minute already had. */
    @PostMapping("/api/v1/table-sessions/current/assistance")
    ResponseEntity<StaffCalls.StaffCall> callStaff(@Valid @RequestBody AssistanceRequest request) {
        return ResponseEntity.accepted().body(staffCalls.call(CurrentUser.require(), request.reason(), request.guestName()));
    }

    /** @param guestName the name the diner gave the table, if any */
    record AssistanceRequest(@NotNull TableAssistanceRequested.Reason reason, @Size(max = 40) String guestName) {
    }
}
