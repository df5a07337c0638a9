package io.urop.tenant.location;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 412: the location changed since the version the caller sent in If-Match; nothing was saved. */
class StaleVersionException extends ErrorResponseException {

    StaleVersionException() {
        super(HttpStatus.PRECONDITION_FAILED, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "The location was changed by someone else since you loaded it; reload it and try again");
        problem.setType(URI.create("https://urop.io/problems/stale-version"));
        problem.setTitle("Changed meanwhile");
        return problem;
    }
}
