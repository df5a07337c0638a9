package io.urop.security;

import java.util.UUID;

import io.urop.contracts.DenyList;

/**
 * Where auth-service lists a revoked session (sign-out, a deactivated member, a closed table session): the key
 * {@code urop:auth:revoked-session:<sid>} in Redis, for as long as any access token of it can still be valid. The
 * gateway refuses such tokens on every path it protects; a service that reads a token on a path the gateway leaves
 * public checks the list itself.
 */
public final class SessionDenyList {

    private SessionDenyList() {
    }

    /** The key that lists the session, whatever its value. */
    public static String key(String sessionId) {
        return DenyList.key(sessionId);
    }

    /** The key that lists the session, whatever its value. */
    public static String key(UUID sessionId) {
        return key(sessionId.toString());
    }
}
