package io.urop.auth.account;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import io.urop.contracts.Role;

/** A member's new roles and location limits (none listed = all locations), as tenant-service decided them. */
public record AccessChange(@NotNull UUID tenantId, @NotEmpty Set<@NotNull Role> roles, Set<@NotNull UUID> locationIds) {

    public AccessChange {
        locationIds = locationIds == null ? Set.of() : Set.copyOf(locationIds);
    }
}
