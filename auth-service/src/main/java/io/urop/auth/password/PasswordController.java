package io.urop.auth.password;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import io.urop.auth.ClientInfo;
import io.urop.security.CurrentUser;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@EnableConfigurationProperties(PasswordProperties.class)
class PasswordController {

    private final Passwords passwords;

    PasswordController(Passwords passwords) {
        this.passwords = passwords;
    }

    /** The signed-in person's new password; 400 if the current one is wrong. Other sessions end. */
    @PostMapping("/api/v1/auth/password")
    @PreAuthorize("hasAnyRole('OWNER','MANAGER','STAFF','KITCHEN')")
    ResponseEntity<Void> change(@Valid @RequestBody PasswordRequests.Change request, HttpServletRequest http) {
        passwords.change(CurrentUser.require(), request.currentPassword(), request.newPassword(), ClientInfo.of(http));
        return ResponseEntity.noContent().build();
    }

    /** Public: 202 whether or not the email has an account; if it has, a reset link is emailed. */
    @PostMapping("/api/v1/auth/password-reset")
    ResponseEntity<Void> requestReset(@Valid @RequestBody PasswordRequests.ResetRequest request,
            HttpServletRequest http) {
        passwords.requestReset(request.email(), ClientInfo.of(http));
        return ResponseEntity.accepted().build();
    }

    /** Public: the emailed token and a new password; every session of the account ends. */
    @PostMapping("/api/v1/auth/password-reset/confirmation")
    ResponseEntity<Void> reset(@Valid @RequestBody PasswordRequests.Reset request, HttpServletRequest http) {
        passwords.reset(request.token(), request.newPassword(), ClientInfo.of(http));
        return ResponseEntity.noContent().build();
    }
}
