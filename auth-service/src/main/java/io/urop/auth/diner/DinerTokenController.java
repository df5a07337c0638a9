package io.urop.auth.diner;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.urop.auth.token.AccessTokens.Grant;
import io.urop.auth.token.AccessTokens.IssuedToken;
import io.urop.auth.token.AccessTokens;
import io.urop.auth.token.TokenProperties;
import io.urop.contracts.AccessTokenClaims;
import io.urop.contracts.Role;
import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mints a diner's narrow identity, for qr-service only (after a scan): role DINER, {@code sub} the guest, {@code sid} the table
 * session, {@code loc} its one location and {@code tbl} its table. Nothing else of the tenant is theirs. The table
 * session is first recorded as the tenant's, so that closing it can end the token.
 */
@RestController
class DinerTokenController {

    private final AccessTokens accessTokens;
    private final TableSessions tableSessions;
    private final TokenProperties properties;
    private final Clock clock;

    DinerTokenController(AccessTokens accessTokens, TableSessions tableSessions, TokenProperties properties,
            Clock clock) {
        this.accessTokens = accessTokens;
        this.tableSessions = tableSessions;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/internal/v1/diner-tokens")
    @PreAuthorize("hasRole('SERVICE') and authentication.name == 'qr-service'")
    ResponseEntity<Map<String, Object>> mint(@Valid @RequestBody DinerTokenRequest request) {
        tableSessions.record(request.tableSessionId(), request.tenantId());
        IssuedToken token = accessTokens.issue(new Grant(request.guestId().toString(), request.tenantId(),
                Set.of(Role.DINER), request.tableSessionId().toString(), Set.of(request.locationId()),
                Map.of(AccessTokenClaims.TABLE, request.tableId().toString())), properties.dinerTokenTtl());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of(
                "accessToken", token.value(),
                "tokenType", "Bearer",
                "expiresIn", Duration.between(clock.instant(), token.expiresAt()).toSeconds()));
    }
}
