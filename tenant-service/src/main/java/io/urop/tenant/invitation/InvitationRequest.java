package io.urop.tenant.invitation;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.urop.contracts.Role;

/** @param locationIds the locations the person will be limited to; empty or absent for all */
record InvitationRequest(@NotBlank @Email @Size(max = 254) String email, @NotNull Role role,
        @Size(max = 100) Set<@NotNull UUID> locationIds) {

    InvitationRequest {
        email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        locationIds = locationIds == null ? Set.of() : Set.copyOf(locationIds);
    }
}
