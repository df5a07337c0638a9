package io.urop.contracts;

/** The claims of auth-service's access tokens beside the registered ones ({@code sub}, {@code jti}, {@code exp}...). */
public final class AccessTokenClaims {

    /** The tenant; absent for platform admins and services. */
    public static final String TENANT = "tid";

    /** The {@link Role}s, by name. */
    public static final String ROLES = "roles";

    /** The session: a login's, or a diner's table session. Revoking it ends every token that names it. */
    public static final String SESSION = "sid";

    /** The locations a member is limited to; absent when the member may work at all of the tenant's. */
    public static final String LOCATIONS = "loc";

    /** A diner's table. */
    public static final String TABLE = "tbl";

    private AccessTokenClaims() {
    }
}
