package io.urop.events.tenant;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * A person was invited to work for a tenant; notification-service emails them {@code acceptUrl}, which
 * holds a signed, expiring token: treat it as a secret. Produced by tenant-service.
 *
 * @param role the role they will have: OWNER, MANAGER, STAFF or KITCHEN
 */
@IntegrationEvent(type = "tenant.member-invited", version = 1)
public record MemberInvited(UUID invitationId, UUID tenantId, String tenantName, String email, String role,
        String invitedBy, String acceptUrl, Instant expiresAt) {
}
