package io.urop.tenant.staff;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.urop.contracts.Role;

/**
 * A person working for a tenant: the same id as their auth-service account.
 *
 * @param locationIds the locations they are limited to; empty means all
 */
public record Member(UUID id, UUID tenantId, String email, String displayName, Role role, Set<UUID> locationIds,
        boolean active, Instant createdAt, long version) {

    public Member {
        locationIds = Set.copyOf(locationIds);
    }
}
