package io.urop.auth.session;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import io.urop.auth.ClientInfo;
import io.urop.security.CurrentUser;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SessionController {

    private static final String STAFF = "hasAnyRole('OWNER','MANAGER','STAFF','KITCHEN')";

    private final SignInSessions signIns;
    private final SessionRevocation revocation;

    SessionController(SignInSessions signIns, SessionRevocation revocation) {
        this.signIns = signIns;
        this.revocation = revocation;
    }

    /** Exchanges a refresh token for a new access token and a new refresh token (the old one is spent). */
    @PostMapping("/api/v1/auth/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(signIns.refresh(request.refreshToken(), ClientInfo.of(http)));
    }

    /** Ends the caller's session: its refresh token stops working and its access tokens are refused at once. */
    @PostMapping("/api/v1/auth/logout")
    @PreAuthorize(STAFF)
    ResponseEntity<Void> logout(HttpServletRequest http) {
        CurrentUser user = CurrentUser.require();
        revocation.revoke(UUID.fromString(user.sessionId()), "logout", user.subject(), ClientInfo.of(http));
        return ResponseEntity.noContent().build();
    }

    /** Ends every session of the caller, on every device. */
    @PostMapping("/api/v1/auth/logout-all")
    @PreAuthorize(STAFF)
    ResponseEntity<Void> logoutEverywhere(HttpServletRequest http) {
        CurrentUser user = CurrentUser.require();
        revocation.revokeAll(UUID.fromString(user.subject()), "logout-all", user.subject(), ClientInfo.of(http));
        return ResponseEntity.noContent().build();
    }
}
