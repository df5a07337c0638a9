package io.urop.auth.account;

import java.nio.charset.StandardCharsets;

import io.urop.web.InvalidFieldException;

/** What a new password must be: at least 12 characters, and at most the 72 bytes BCrypt reads. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** @throws InvalidFieldException naming the field when the password does not qualify */
    public static void check(String field, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidFieldException(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidFieldException(field, "must be at most " + MAX_BYTES + " bytes");
        }
    }
}
