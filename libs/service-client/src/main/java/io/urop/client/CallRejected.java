package io.urop.client;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The called service refused the request as it stands (a 4xx): a conflict, an unknown id, a rule only it knows. The
 * caller maps the statuses it expects to its own answer; this is no {@code ErrorResponseException}, so that a status
 * nobody expected is not passed on to the client as if it were the client's fault: it answers a plain 500, and is
 * logged as the defect between two services it is.
 */
public class CallRejected extends RuntimeException {

    private final String service;
    private final HttpStatusCode status;
    private final ProblemDetail problem;

    CallRejected(String service, HttpStatusCode status, ProblemDetail problem, Throwable cause) {
        super(service + " refused the call: " + status, cause);
        this.service = service;
        this.status = status;
        this.problem = problem;
    }

    public String service() {
        return service;
    }

    public HttpStatusCode status() {
        return status;
    }

    public boolean is(HttpStatus expected) {
        return status.isSameCodeAs(expected);
    }

    /** The service's problem, as it answered it; a bare one of the status when its body was none. */
    public ProblemDetail problem() {
        return problem;
    }
}
