package io.urop.auth.session;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.urop.web.Problems;

/**
 * 401 for credentials that do not get the caller in. The message never says why (an unknown email, a
 * wrong password, a lock-out, a revoked session look alike) so that nobody learns which accounts exist.
 */
public class Unauthenticated extends ErrorResponseException {

    private Unauthenticated(String title, String detail) {
        super(HttpStatus.UNAUTHORIZED, problem(title, detail), null);
    }

    public static Unauthenticated invalidCredentials() {
        return new Unauthenticated("Invalid credentials",
                "The email or password is wrong, or the account is locked for a while after repeated failures.");
    }

    public static Unauthenticated invalidRefreshToken() {
        return new Unauthenticated("Invalid refresh token",
                "The refresh token is unknown, expired or revoked. Sign in again.");
    }

    private static ProblemDetail problem(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setType(Problems.UNAUTHORIZED);
        problem.setTitle(title);
        return problem;
    }
}
