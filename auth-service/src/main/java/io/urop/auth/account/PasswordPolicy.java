package io.urop.auth.account;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.urop.web.FieldError;
import io.urop.web.Problems;

/** What a new password must be: at least 12 characters, and at most the 72 bytes BCrypt reads. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** @throws ErrorResponseException 400 naming the field when the password does not qualify */
    public static void check(String field, String password) {
        String message = null;
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            message = "must be at least " + MIN_LENGTH + " characters";
        }
        else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            message = "must be at most " + MAX_BYTES + " bytes";
        }
        if (message != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The password does not meet the policy");
            problem.setType(Problems.VALIDATION);
            problem.setTitle("Invalid request");
            problem.setProperty("errors", List.of(new FieldError(field, message)));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
    }
}
