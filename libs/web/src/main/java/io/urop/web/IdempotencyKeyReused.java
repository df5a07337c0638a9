package io.urop.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 422: the Idempotency-Key was sent before with another request; nothing was created. */
public class IdempotencyKeyReused extends ErrorResponseException {

    public static final URI TYPE = URI.create("https://urop.io/problems/idempotency-key-reused");

    public IdempotencyKeyReused() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "This Idempotency-Key was used for a different request: send a new key for a new request");
        problem.setType(TYPE);
        problem.setTitle("Idempotency-Key reused");
        return problem;
    }
}
