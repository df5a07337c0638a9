package io.urop.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 412: the resource changed since the version the caller sent in If-Match ({@link IfMatch}); nothing was saved. */
public class StaleVersionException extends ErrorResponseException {

    /** @param what the resource, as the message names it ("location", "menu") */
    public StaleVersionException(String what) {
        super(HttpStatus.PRECONDITION_FAILED, problem(what), null);
    }

    private static ProblemDetail problem(String what) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "The " + what + " was changed by someone else since you loaded it; reload it and try again");
        problem.setType(URI.create("https://urop.io/problems/stale-version"));
        problem.setTitle("Changed meanwhile");
        return problem;
    }
}
