package io.urop.tenant.signup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.urop.tenant.location.LocationDetails;

/** A restaurant group signing up: the organisation, its first location and the owner's account. */
public record SignupRequest(@NotNull @Valid Organisation organisation, @NotNull @Valid LocationDetails location,
        @NotNull @Valid Owner owner) {

    /** @param slug the tenant's address on the platform: lowercase letters, digits and inner hyphens */
    public record Organisation(
            @NotBlank @Size(max = 120) String name,
            @NotNull @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])",
                    message = "must be 3-40 lowercase letters, digits or inner hyphens") String slug) {

        public Organisation {
            name = name == null ? null : name.strip();
        }
    }

    /** @param password at least 12 characters; never stored here (auth-service keeps its hash) */
    public record Owner(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = 12, max = 72) String password) {

        public Owner {
            name = name == null ? null : name.strip();
            email = email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String toString() {
            return "Owner[name=" + name + ", email=" + email + "]";
        }
    }
}
