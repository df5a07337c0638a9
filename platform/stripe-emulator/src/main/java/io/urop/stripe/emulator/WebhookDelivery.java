package io.urop.stripe.emulator;

import java.time.Instant;

/**
 * One attempt to deliver an event to an endpoint. {@code status} is the HTTP status the receiver answered, 0 when it
 * did not answer; a dropped delivery was deliberately never sent (attempt 0).
 */
public record WebhookDelivery(String eventId, String eventType, String endpointUrl, int attempt, int status,
        boolean dropped, Instant at, String payload, String signatureHeader) {

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
