package io.urop.security;

import java.util.Set;
import java.util.UUID;

/** The rule of the {@code loc} claim, shared by {@link VerifiedToken} and {@link CurrentUser}. */
final class Locations {

    private Locations() {
    }

    /** No limit (the claim was absent) allows every location; a limit allows only the locations it names. */
    static boolean allow(Set<UUID> limit, UUID location) {
        return location != null && (limit.isEmpty() || limit.contains(location));
    }
}
