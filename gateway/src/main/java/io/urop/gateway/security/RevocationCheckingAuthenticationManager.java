package io.urop.gateway.security;

import io.urop.contracts.AccessTokenClaims;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Authenticates a bearer token (signature and claims, by the delegate), then refuses it when its
 * session ({@code sid}) is on the revoked-session deny-list.
 */
final class RevocationCheckingAuthenticationManager implements ReactiveAuthenticationManager {

    private final ReactiveAuthenticationManager tokens;

    private final RevokedSessions revokedSessions;

    RevocationCheckingAuthenticationManager(ReactiveAuthenticationManager tokens, RevokedSessions revokedSessions) {
        this.tokens = tokens;
        this.revokedSessions = revokedSessions;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        return tokens.authenticate(authentication)
                // the decoder lets "could not obtain the keys" through as a plain exception
                .onErrorMap(error -> !(error instanceof AuthenticationException),
                        error -> new VerificationUnavailableException("the JWKS could not be fetched", error))
                .flatMap(this::unlessRevoked);
    }

    private Mono<Authentication> unlessRevoked(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Mono.just(authentication);
        }
        return revokedSessions.isRevoked(token.getToken().getClaimAsString(AccessTokenClaims.SESSION))
                // fail closed: a token whose session may have been revoked is not let through while the
                // deny-list cannot be read (503 with Retry-After, not 401: the client did nothing wrong)
                .onErrorMap(error -> new VerificationUnavailableException("the revoked-session list could not be read",
                        error))
                .flatMap(revoked -> revoked ? Mono.error(new SessionRevokedException()) : Mono.just(authentication));
    }
}
