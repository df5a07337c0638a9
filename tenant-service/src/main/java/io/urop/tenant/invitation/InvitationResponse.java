package io.urop.tenant.invitation;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.urop.contracts.Role;

record InvitationResponse(UUID id, String email, Role role, Set<UUID> locationIds, UUID invitedBy, Instant createdAt,
        Instant expiresAt, Invitation.Status status) {

    static InvitationResponse of(Invitation invitation, Instant now) {
        return new InvitationResponse(invitation.id(), invitation.email(), invitation.role(), invitation.locationIds(),
                invitation.invitedBy(), invitation.createdAt(), invitation.expiresAt(), invitation.status(now));
    }
}
