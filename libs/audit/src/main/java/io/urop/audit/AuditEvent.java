package io.urop.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One thing that happened in a tenant.
 *
 * @param actor   who acted (an account id, a service client), or null when nobody was signed in
 * @param action  what happened, e.g. {@code login.failed}, {@code member.access-changed}
 * @param subject what it was about (an account, a session, an invitation id)
 */
public record AuditEvent(UUID id, Instant occurredAt, String actor, String action, String subject, String clientIp,
        Map<String, Object> details) {
}
