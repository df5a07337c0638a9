package io.urop.payment.stripe;

import com.stripe.exception.StripeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.urop.web.Problems;

/**
 * Stripe refused a request payment-service made (not the diner's): the caller gets 502 problem+json without Stripe's
 * words, which are logged for us. A webhook whose handling ends here is delivered again by Stripe.
 */
@RestControllerAdvice
class StripeRefusals {

    private static final Logger log = LoggerFactory.getLogger(StripeRefusals.class);

    /** Answered as it says (503, Retry-After), not as the Stripe error it carries as its cause. */
    @ExceptionHandler(StripeUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(StripeUnavailable e) {
        return ResponseEntity.status(e.getStatusCode()).headers(e.getHeaders()).body(e.getBody());
    }

    @ExceptionHandler(StripeException.class)
    ProblemDetail refused(StripeException e) {
        log.error("Stripe refused a request ({} {}, request {}): {}", e.getStatusCode(), e.getCode(), e.getRequestId(),
                e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                "The payment could not be handled right now. Please try again in a moment.");
        problem.setType(Problems.SERVICE_UNAVAILABLE);
        problem.setTitle("Payment provider error");
        return problem;
    }
}
