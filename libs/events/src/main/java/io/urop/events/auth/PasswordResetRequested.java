package io.urop.events.auth;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * Someone asked to reset an account's password; notification-service emails {@code resetUrl}, which
 * holds a single-use token: treat it as a secret. Produced by auth-service, only for an account that exists.
 */
@IntegrationEvent(type = "auth.password-reset-requested", version = 1)
public record PasswordResetRequested(UUID accountId, UUID tenantId, String email, String resetUrl, Instant expiresAt) {
}
