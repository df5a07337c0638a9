package io.urop.payment.webhook;

import java.nio.charset.StandardCharsets;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.urop.payment.stripe.StripeProperties;

import org.springframework.stereotype.Component;

/**
 * Checks that a webhook is Stripe's: its {@code Stripe-Signature} over the exact bytes received, with one of the
 * signing secrets (more than one while a secret is rolled over), signed no longer ago than the tolerance. Only then is
 * the body read as an event.
 */
@Component
class WebhookSignatures {

    private final StripeProperties settings;

    WebhookSignatures(StripeProperties settings) {
        this.settings = settings;
    }

    /**
     * @throws SignatureVerificationException when no secret verifies it, it is too old, or it is not an event (each
     *                                        refused alike)
     */
    Event verified(byte[] body, String signatureHeader) throws SignatureVerificationException {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new SignatureVerificationException("No Stripe-Signature header", null);
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        SignatureVerificationException refused = new SignatureVerificationException("No webhook secret is set", signatureHeader);
        for (String secret : settings.webhookSecrets()) {
            try {
                return Webhook.constructEvent(payload, signatureHeader, secret, settings.webhookTolerance().toSeconds());
            }
            catch (SignatureVerificationException e) {
                refused = e;
            }
            catch (RuntimeException e) {
                // rightly signed, but not an event stripe-java can read
                throw new SignatureVerificationException("Not a Stripe event: " + e.getMessage(), signatureHeader);
            }
        }
        throw refused;
    }
}
