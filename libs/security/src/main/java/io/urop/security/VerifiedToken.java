package io.urop.security;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.urop.contracts.Role;

/**
 * An access token whose signature, issuer, audience, lifetime and required claims have all been
 * checked by {@link AccessTokenVerifier}.
 *
 * @param subject   {@code sub}: the user, diner session, or (for {@link Role#SERVICE}) the client id the token was issued to
 * @param tenantId  {@code tid}: the tenant; {@code null} only for a {@link Role#PLATFORM_ADMIN} or
 *                  {@link Role#SERVICE} token without one
 * @param roles     the known roles of {@code roles}; never empty
 * @param locations {@code loc}: the tenant's locations the token is limited to; empty when the claim is
 *                  absent, which means every location of the tenant (see {@link #mayAccessLocation})
 * @param sessionId {@code sid}: the login session, the key of the revocation deny-list
 * @param expiresAt {@code exp}
 * @param claims    every claim of the token, unmodifiable; {@code exp}, {@code nbf} and {@code iat} as {@link Instant}
 */
public record VerifiedToken(String subject, UUID tenantId, Set<Role> roles, Set<UUID> locations, String sessionId,
        Instant expiresAt, Map<String, Object> claims) {

    public VerifiedToken {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        roles = Set.copyOf(roles);
        locations = Set.copyOf(locations);
        claims = Map.copyOf(claims);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a verified token has at least one role");
        }
        if (tenantId == null && roles.stream().noneMatch(Role::mayActWithoutTenant)) {
            throw new IllegalArgumentException("only a platform admin or service token may have no tenant");
        }
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether the token reaches that location of its tenant: every location unless {@code loc} limits it. */
    public boolean mayAccessLocation(UUID location) {
        return Locations.allow(locations, location);
    }
}
