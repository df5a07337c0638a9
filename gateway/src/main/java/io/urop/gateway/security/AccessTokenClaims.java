package io.urop.gateway.security;

/** The names, in auth-service's access tokens, that the gateway reads. */
public final class AccessTokenClaims {

    /** The session: a login's, or a diner's table session. */
    public static final String SESSION = "sid";

    public static final String ROLES = "roles";

    public static final String TENANT = "tid";

    /** The role of a table session's guests. */
    public static final String DINER_ROLE = "DINER";

    private AccessTokenClaims() {
    }
}
