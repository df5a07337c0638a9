package io.urop.auth.account;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.urop.contracts.Role;

/**
 * An account a service creates for a person: tenant-service at sign-up (the owner) and when an
 * invitation is accepted. {@code id} is the caller's, so a retry creates nothing twice.
 *
 * @param selfSignup the owner's account of a public sign-up, whose caller must not learn that the email has an
 *                   account: when it has, that address is told by email ({@link SignupNotices}); no when not given
 */
public record NewAccountRequest(
        @NotNull UUID id,
        @NotNull UUID tenantId,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank String password,
        @NotEmpty Set<@NotNull Role> roles,
        Set<@NotNull UUID> locationIds,
        Boolean selfSignup) {

    public NewAccountRequest {
        locationIds = locationIds == null ? Set.of() : Set.copyOf(locationIds);
        selfSignup = Boolean.TRUE.equals(selfSignup);
    }

    @Override
    public String toString() {
        return "NewAccountRequest[id=" + id + ", tenantId=" + tenantId + ", email=" + email + ", roles=" + roles
                + ", selfSignup=" + selfSignup + "]";
    }
}
