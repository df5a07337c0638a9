package io.urop.auth.password;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the password endpoints; none of them prints a password or a token. */
final class PasswordRequests {

    private PasswordRequests() {
    }

    record Change(@NotNull @Size(max = 256) String currentPassword, @NotNull @Size(max = 256) String newPassword) {

        @Override
        public String toString() {
            return "Change[***]";
        }
    }

    record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    record Reset(@NotBlank @Size(max = 128) String token, @NotNull @Size(max = 256) String newPassword) {

        @Override
        public String toString() {
            return "Reset[***]";
        }
    }
}
