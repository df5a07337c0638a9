package io.urop.tenant.staff;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.urop.contracts.Role;

/** @param locationIds the locations the member is limited to; empty or absent for all */
record AccessRequest(@NotNull Role role, @Size(max = 100) Set<@NotNull UUID> locationIds) {

    AccessRequest {
        locationIds = locationIds == null ? Set.of() : Set.copyOf(locationIds);
    }
}
