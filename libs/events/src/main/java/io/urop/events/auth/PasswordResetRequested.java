package io.urop.events.auth;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * Someone asked to reset an account's password; notification-service emails the reset link. The link
 * is a credential, so it never travels in an event: notification-service asks auth-service for it with
 * its own client credentials ({@code GET /internal/v1/tenants/{tenantId}/password-resets/{resetId}/link}).
 * Produced by auth-service, only for an account that exists.
 */
@IntegrationEvent(type = "auth.password-reset-requested", version = 1)
public record PasswordResetRequested(UUID resetId, UUID accountId, UUID tenantId, String email, Instant expiresAt) {
}
