package io.urop.security;


import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of a request that presented a verified access token. Its principal is the
 * {@link VerifiedToken} (controllers may take {@code @AuthenticationPrincipal VerifiedToken}), its
 * authorities are {@code ROLE_<NAME>} for each role. The raw token is not kept.
 */
public final class AccessTokenAuthentication extends AbstractAuthenticationToken {

    private final transient VerifiedToken token;

    public AccessTokenAuthentication(VerifiedToken token) {
        super(token.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.token = token;
        setAuthenticated(true);
    }

    public VerifiedToken token() {
        return token;
    }

    @Override
    public VerifiedToken getPrincipal() {
        return token;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return token.subject();
    }
}
