package io.urop.menu.editing;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 412: the draft changed since the revision the caller sent in If-Match; nothing was saved. */
class StaleDraftException extends ErrorResponseException {

    StaleDraftException() {
        super(HttpStatus.PRECONDITION_FAILED, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "The menu was changed by someone else since you loaded it; reload it and try again");
        problem.setType(URI.create("https://urop.io/problems/stale-version"));
        problem.setTitle("Changed meanwhile");
        return problem;
    }
}
