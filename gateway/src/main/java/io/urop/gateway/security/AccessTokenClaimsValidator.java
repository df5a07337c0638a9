package io.urop.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.urop.contracts.AccessTokenClaims;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claims of auth-service's access tokens that Spring's standard validators do not cover:
 * {@code sub} and {@code sid} (non-blank strings), {@code roles} (an array of strings), {@code tid} (a
 * UUID; only {@code PLATFORM_ADMIN} and {@code SERVICE} tokens may have none), and an {@code iat} that
 * is not in the future.
 */
final class AccessTokenClaimsValidator implements OAuth2TokenValidator<Jwt> {

    /** Roles whose tokens act across tenants, so they carry no {@code tid}. */
    static final Set<String> TENANTLESS_ROLES = Set.of("PLATFORM_ADMIN", "SERVICE");

    private final Duration clockSkew;

    private final Clock clock;

    AccessTokenClaimsValidator(Duration clockSkew, Clock clock) {
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        String refusal = refusal(jwt);
        return refusal == null ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, refusal, null));
    }

    private String refusal(Jwt jwt) {
        Instant issuedAt = jwt.getIssuedAt();
        if (issuedAt != null && issuedAt.isAfter(Instant.now(clock).plus(clockSkew))) {
            return "iat is in the future";
        }
        if (!isText(jwt.getClaims().get("sub"))) {
            return "sub is missing, blank or not a string";
        }
        if (!isText(jwt.getClaims().get(AccessTokenClaims.SESSION))) {
            return "sid is missing, blank or not a string";
        }
        if (!(jwt.getClaims().get(AccessTokenClaims.ROLES) instanceof List<?> roles)
                || !roles.stream().allMatch(String.class::isInstance)) {
            return "roles is missing or not an array of strings";
        }
        Object tenant = jwt.getClaims().get(AccessTokenClaims.TENANT);
        if (tenant == null) {
            return roles.stream().anyMatch(TENANTLESS_ROLES::contains) ? null : "tid is missing";
        }
        return isCanonicalUuid(tenant) ? null : "tid is not a UUID";
    }

    private static boolean isText(Object value) {
        return value instanceof String text && !text.isBlank();
    }

    private static boolean isCanonicalUuid(Object value) {
        if (!(value instanceof String text)) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equals(text.toLowerCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }
}
