package io.urop.payment.webhook;

import java.util.Map;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.urop.web.Problems;

/**
 * Stripe's webhooks (public: Stripe sends no token; its signature is the proof). The body is taken as the raw bytes
 * Stripe signed, never parsed and re-serialised before it is verified. Answered 200 once handled (or known), 400 when
 * the signature is not Stripe's, and an error when handling failed, so that Stripe delivers it again.
 */
@RestController
class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final WebhookSignatures signatures;
    private final StripeEvents events;

    StripeWebhookController(WebhookSignatures signatures, StripeEvents events) {
        this.signatures = signatures;
        this.events = events;
    }

    @PostMapping("/webhooks/stripe")
    Map<String, Boolean> receive(@RequestBody byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature)
            throws SignatureVerificationException, StripeException {
        Event event = signatures.verified(body, signature);
        events.handle(event);
        return Map.of("received", true);
    }

    @ExceptionHandler(SignatureVerificationException.class)
    ProblemDetail refused(SignatureVerificationException e) {
        log.warn("A webhook was refused: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The webhook is not a Stripe event signed with a current secret in the last 5 minutes");
        problem.setType(Problems.MALFORMED_REQUEST);
        problem.setTitle("Webhook refused");
        return problem;
    }
}
