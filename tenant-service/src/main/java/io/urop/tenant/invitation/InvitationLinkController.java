package io.urop.tenant.invitation;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The link of a pending invitation, for notification-service alone (its client-credentials token): the
 * link is a credential, so events carry only the invitation's id.
 */
@RestController
@PreAuthorize("hasRole('SERVICE') and authentication.name == 'notification-service'")
class InvitationLinkController {

    private final StaffInvitations invitations;

    InvitationLinkController(StaffInvitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/internal/v1/tenants/{tenantId}/invitations/{invitationId}/link")
    StaffInvitations.InvitationLink link(@PathVariable UUID tenantId, @PathVariable UUID invitationId) {
        return invitations.link(tenantId, invitationId);
    }
}
