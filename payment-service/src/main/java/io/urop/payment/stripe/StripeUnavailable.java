package io.urop.payment.stripe;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.urop.web.Problems;

/**
 * Stripe could not be reached or could not answer now: the diner is told to try again in a moment ({@code
 * problem+json} 503 with {@code Retry-After}). Nothing was charged that a retry with the same ids could charge again.
 */
public class StripeUnavailable extends ErrorResponseException {

    StripeUnavailable(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Payments cannot be taken right now. Please try again in a moment.");
        problem.setType(Problems.SERVICE_UNAVAILABLE);
        problem.setTitle("Payments unavailable");
        return problem;
    }
}
