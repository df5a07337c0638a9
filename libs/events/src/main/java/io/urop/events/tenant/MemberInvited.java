package io.urop.events.tenant;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.urop.contracts.Role;
import io.urop.events.IntegrationEvent;

/**
 * A person was invited to work for a tenant; notification-service emails them the link to accept. The
 * link is a credential, so it never travels in an event: notification-service asks tenant-service for
 * it with its own client credentials ({@code GET /internal/v1/tenants/{tenantId}/invitations/{invitationId}/link}).
 * Produced by tenant-service.
 *
 * @param role the name of the {@link Role} they will have: OWNER, MANAGER, STAFF or KITCHEN
 */
@IntegrationEvent(type = "tenant.member-invited", version = 1)
public record MemberInvited(UUID invitationId, UUID tenantId, String tenantName, String email, String role,
        String invitedBy, Instant expiresAt) {

    /** The role they will have; empty for one that only a newer tenant-service knows. */
    public Optional<Role> knownRole() {
        return Role.staff().stream().filter(known -> known.name().equals(role)).findFirst();
    }
}
