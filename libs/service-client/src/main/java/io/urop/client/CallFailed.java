package io.urop.client;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.urop.web.Problems;

/**
 * The called service gave no usable answer: it could not be reached, failed (5xx), refused this service's token, or
 * took longer than its timeout. The client is answered {@code problem+json} 503 with {@code Retry-After} (try again in
 * a moment), or 504 for the timeout (the call may have taken effect). A caller may say it in its own words with
 * {@link #setDetail}, and must not have changed anything it cannot take back.
 */
public class CallFailed extends ErrorResponseException {

    static final String RETRY_AFTER_SECONDS = "5";

    private final String service;

    private CallFailed(String service, HttpStatus status, ProblemDetail problem, Throwable cause) {
        super(status, problem, cause);
        this.service = service;
    }

    static CallFailed unavailable(String service, Throwable cause) {
        CallFailed failed = new CallFailed(service, HttpStatus.SERVICE_UNAVAILABLE, problem(HttpStatus.SERVICE_UNAVAILABLE,
                "Service unavailable", "The request could not be completed right now. Please try again in a moment."),
                cause);
        failed.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return failed;
    }

    static CallFailed timedOut(String service, Throwable cause) {
        return new CallFailed(service, HttpStatus.GATEWAY_TIMEOUT, problem(HttpStatus.GATEWAY_TIMEOUT, "Timed out",
                "The request took too long to complete. Please check whether it took effect before trying again."),
                cause);
    }

    /** The service that gave no usable answer (never shown to the client). */
    public String service() {
        return service;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        // libs/web has no type of its own for a timeout yet
        problem.setType(Problems.SERVICE_UNAVAILABLE);
        problem.setTitle(title);
        return problem;
    }
}
