package io.urop.qr.scan;

import java.util.Map;

import io.urop.security.CurrentUser;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer app's view of its table session (DINER tokens only): the session and table now, and a fresh token
 * that names them, which the app asks for after staff moved or merged its table, or before its token expires. 410
 * once the session has ended.
 */
@RestController
class DinerSessionController {

    private final DinerSessions sessions;

    DinerSessionController(DinerSessions sessions) {
        this.sessions = sessions;
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
}
