package io.urop.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.urop.contracts.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, from the verified access token of the current request:
 * {@code CurrentUser user = CurrentUser.require();}. Controllers may also take
 * {@code @AuthenticationPrincipal VerifiedToken token} for every claim.
 *
 * @param subject   the user, diner session, or (for {@link Role#SERVICE}) the calling service's client id
 * @param tenantId  {@code null} only for a platform admin or a service whose token names no tenant; see
 *                  {@link #requireTenant()}
 * @param locations the locations the caller is limited to; empty means every location of the tenant, so
 *                  check with {@link #mayAccessLocation(UUID)} rather than reading it
 */
public record CurrentUser(String subject, UUID tenantId, Set<Role> roles, Set<UUID> locations, String sessionId) {

    public CurrentUser {
        roles = Set.copyOf(roles);
        locations = Set.copyOf(locations);
    }

    public static CurrentUser of(VerifiedToken token) {
        return new CurrentUser(token.subject(), token.tenantId(), token.roles(), token.locations(), token.sessionId());
    }

    /** The caller, if the current request (thread) was authenticated by an access token. */
    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof AccessTokenAuthentication accessToken) {
            return Optional.of(of(accessToken.token()));
        }
        return Optional.empty();
    }

    /** The caller; answers 401 if there is none (e.g. called from a public path). */
    public static CurrentUser require() {
        return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no verified access token"));
    }

    public Optional<UUID> tenant() {
        return Optional.ofNullable(tenantId);
    }

    /** The caller's tenant; answers 403 for a platform admin or service whose token names none. */
    public UUID requireTenant() {
        return tenant().orElseThrow(() -> new AccessDeniedException("the access token names no tenant"));
    }

    /** Whether the caller may act on that location of its tenant: every one, unless its token limits it. */
    public boolean mayAccessLocation(UUID location) {
        return Locations.allow(locations, location);
    }

    /**
     * Whether everything limited to {@code others} (a person's or an invitation's locations; empty = all of
     * the tenant's) is within the caller's reach: always for an unlimited caller, else only a non-empty
     * subset of the caller's own locations.
     */
    public boolean reachesAllOf(Set<UUID> others) {
        return locations.isEmpty() || (!others.isEmpty() && locations.containsAll(others));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... candidates) {
        for (Role candidate : candidates) {
            if (roles.contains(candidate)) {
                return true;
            }
        }
        return false;
    }
}
