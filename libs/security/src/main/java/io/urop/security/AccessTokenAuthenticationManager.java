package io.urop.security;

import com.nimbusds.jose.KeySourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates the bearer token that Spring Security's resource-server filter extracted, with
 * {@link AccessTokenVerifier}. Why a token was refused is logged here and never told to the client.
 */
final class AccessTokenAuthenticationManager implements AuthenticationManager {

    static final String REFUSED = "invalid or expired token";

    private static final Logger log = LoggerFactory.getLogger(AccessTokenAuthenticationManager.class);

    private final AccessTokenVerifier verifier;

    AccessTokenAuthenticationManager(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            throw new ProviderNotFoundException("only bearer access tokens are accepted");
        }
        try {
            AccessTokenAuthentication result = new AccessTokenAuthentication(verifier.verify(bearer.getToken()));
            result.setDetails(bearer.getDetails());
            return result;
        }
        catch (InvalidAccessTokenException e) {
            if (e.getCause() instanceof KeySourceException) {
                // auth-service's JWKS could not be fetched (down, or the refetch rate limit was hit)
                log.warn("Access token refused: {}", e.getMessage());
            }
            else {
                log.debug("Access token refused: {}", e.getMessage());
            }
            throw new InvalidBearerTokenException(REFUSED, e);
        }
    }
}
