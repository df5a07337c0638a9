package io.urop.security;

import java.util.Optional;

/**
 * The roles an access token can carry in its {@code roles} claim. Spring Security sees each as the
 * authority {@code ROLE_<NAME>}, so services write {@code @PreAuthorize("hasAnyRole('OWNER','MANAGER')")}.
 */
public enum Role {

    /** The platform team; the only role whose token may carry no tenant. */
    PLATFORM_ADMIN,
    OWNER,
    MANAGER,
    STAFF,
    KITCHEN,
    /** A table session: scoped to one tenant, location, table and its own orders. */
    DINER;

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
