package io.urop.auth.password;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The link of an announced password reset, for notification-service alone (its client-credentials token):
 * the link is a credential, so events carry only the reset's id.
 */
@RestController
@PreAuthorize("hasRole('SERVICE') and authentication.name == 'notification-service'")
class ResetLinkController {

    private final Passwords passwords;

    ResetLinkController(Passwords passwords) {
        this.passwords = passwords;
    }

    @GetMapping("/internal/v1/tenants/{tenantId}/password-resets/{resetId}/link")
    Passwords.ResetLink link(@PathVariable UUID tenantId, @PathVariable UUID resetId) {
        return passwords.link(tenantId, resetId);
    }
}
