package io.urop.contracts;

/** auth-service's paths that other parts of the fleet call by name. */
public final class AuthEndpoints {

    /** The public halves of the keys that sign access tokens. */
    public static final String JWKS = "/.well-known/jwks.json";

    /** A fleet service's own token, by client credentials. */
    public static final String TOKEN = "/oauth2/token";

    private AuthEndpoints() {
    }
}
