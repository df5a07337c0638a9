package io.urop.tenant.auth;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.urop.web.Problems;

/** 503 with Retry-After: auth-service could not be reached or failed; nothing was changed, try again. */
public class AuthUnavailable extends ErrorResponseException {

    public AuthUnavailable(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        getHeaders().set("Retry-After", "5");
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Accounts cannot be changed right now. Nothing was saved; please try again in a moment.");
        problem.setType(Problems.SERVICE_UNAVAILABLE);
        problem.setTitle("Service unavailable");
        return problem;
    }
}
