package io.urop.stripe.emulator;

import java.net.URI;
import java.util.Objects;

/**
 * Where events are posted, and the secret their signature is made with. A Connect endpoint receives the events of
 * connected accounts; the others receive the platform account's own events.
 */
public record WebhookEndpoint(String id, URI url, String secret, boolean connect) {

    public WebhookEndpoint {
        Objects.requireNonNull(id);
        Objects.requireNonNull(url);
        Objects.requireNonNull(secret);
    }
}
