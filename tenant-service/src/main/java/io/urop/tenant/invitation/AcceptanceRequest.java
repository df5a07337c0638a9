package io.urop.tenant.invitation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Who the invited person is, and the password they choose (passed on to auth-service, never kept here). */
record AcceptanceRequest(@NotBlank @Size(max = 120) String name, @NotNull @Size(min = 12, max = 72) String password) {

    AcceptanceRequest {
        name = name == null ? null : name.strip();
    }

    @Override
    public String toString() {
        return "AcceptanceRequest[name=" + name + "]";
    }
}
