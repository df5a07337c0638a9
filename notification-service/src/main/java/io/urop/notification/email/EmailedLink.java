package io.urop.notification.email;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.urop.client.CallRejected;
import io.urop.client.ServiceClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;

/**
 * A link that works as a credential (a password reset, an invitation), asked of the service that made it at the
 * moment it is emailed: events never carry one. A link that is no longer usable (used, withdrawn, expired: 410) or
 * unknown (404) is not emailed at all.
 */
record EmailedLink(URI url, Instant expiresAt) {

    private static final Logger log = LoggerFactory.getLogger(EmailedLink.class);

    /**
     * @throws io.urop.client.CallFailed when the service cannot answer now, so that the event is retried
     */
    static Optional<EmailedLink> of(ServiceClient service, String path, UUID tenantId, UUID id) {
        try {
            return Optional.of(service.get(path, tenantId, id).fetch(EmailedLink.class));
        }
        catch (CallRejected e) {
            if (e.is(HttpStatus.GONE) || e.is(HttpStatus.NOT_FOUND)) {
                log.info("Not emailed: {} answered {} for {}", e.service(), e.status().value(), id);
                return Optional.empty();
            }
            throw e;
        }
    }
}
