package io.urop.tenant.invitation;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.urop.contracts.Role;

record Invitation(UUID id, UUID tenantId, String email, Role role, Set<UUID> locationIds, UUID invitedBy,
        Instant createdAt, Instant expiresAt, Instant acceptedAt, Instant revokedAt) {

    enum Status { PENDING, ACCEPTED, REVOKED, EXPIRED }

    Invitation {
        locationIds = Set.copyOf(locationIds);
    }

    Status status(Instant now) {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt.isAfter(now) ? Status.PENDING : Status.EXPIRED;
    }
}
