package io.urop.auth.account;

import java.util.Set;
import java.util.UUID;

import io.urop.contracts.Role;

/**
 * A person who signs in to run a restaurant: one tenant, one or more roles, optionally limited to
 * some of the tenant's locations (none listed = all).
 */
public record Account(UUID id, UUID tenantId, String email, String passwordHash, Set<Role> roles,
        Set<UUID> locationIds, boolean active) {

    public Account {
        roles = Set.copyOf(roles);
        locationIds = Set.copyOf(locationIds);
    }
}
