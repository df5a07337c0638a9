package io.urop.gateway.security;

import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * A token could not be judged because something it depends on is down (the JWKS could not be fetched,
 * the revoked-session list could not be read): the request is refused, but as a 503, not a 401.
 */
class VerificationUnavailableException extends AuthenticationServiceException {

    VerificationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
