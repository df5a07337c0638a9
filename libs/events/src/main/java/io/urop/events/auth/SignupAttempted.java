package io.urop.events.auth;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * Someone tried to sign a restaurant up with the email of an existing account. The sign-up answered as any other
 * does, so that it tells nobody which addresses have accounts; notification-service emails that address instead:
 * someone tried to sign up with it, and if it was them, they can sign in or reset their password (or, when
 * {@code accountActive} is false, that the account was closed). It carries no link: both start from the staff
 * app. Produced by auth-service, at most a few an hour for one address.
 *
 * @param accountId     the account that already has the email
 * @param tenantId      that account's tenant, not the one the sign-up tried to create (which was never kept)
 * @param accountActive whether that account can sign in
 */
@IntegrationEvent(type = "auth.signup-attempted", version = 1)
public record SignupAttempted(UUID accountId, UUID tenantId, String email, boolean accountActive,
        Instant attemptedAt) {
}
