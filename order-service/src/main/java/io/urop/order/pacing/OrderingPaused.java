package io.urop.order.pacing;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: the location paused online ordering; diners' orders are refused until it resumes. Nothing was ordered. */
public class OrderingPaused extends ErrorResponseException {

    static final URI TYPE = URI.create("https://urop.io/problems/ordering-paused");

    OrderingPaused() {
        super(HttpStatus.CONFLICT, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The kitchen is not taking orders from the table right now: please ask the staff");
        problem.setType(TYPE);
        problem.setTitle("Ordering paused");
        return problem;
    }
}
