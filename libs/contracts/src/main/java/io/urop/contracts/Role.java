package io.urop.contracts;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The roles an access token can carry in its {@code roles} claim. Spring Security sees each as the
 * authority {@code ROLE_<NAME>}, so services write {@code @PreAuthorize("hasAnyRole('OWNER','MANAGER')")}.
 */
public enum Role {

    /** The platform team; its token may carry no tenant. */
    PLATFORM_ADMIN,
    OWNER,
    MANAGER,
    STAFF,
    KITCHEN,
    /** A table session: scoped to one tenant, location, table and its own orders. */
    DINER,
    /**
     * A fleet service calling another with client credentials: {@code sub} is its client id, and
     * like {@link #PLATFORM_ADMIN} its token may carry no tenant.
     */
    SERVICE;

    /** Whether a token carrying this role may name no tenant. */
    /** The roles of a restaurant's people, the only ones an account (and an invitation) can hold. */
    public static Set<Role> staff() {
        return EnumSet.of(OWNER, MANAGER, STAFF, KITCHEN);
    }

    public boolean mayActWithoutTenant() {
        return this == PLATFORM_ADMIN || this == SERVICE;
    }

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role of that exact (case-sensitive) name, if it is one. */
    public static Optional<Role> of(String name) {
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
