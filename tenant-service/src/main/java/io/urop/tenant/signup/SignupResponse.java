package io.urop.tenant.signup;

import java.util.UUID;

/** The new tenant; the owner signs in at {@code /api/v1/auth/login} with the email and password given. */
public record SignupResponse(UUID tenantId, String slug, UUID locationId, UUID ownerId) {
}
