package io.urop.gateway.security;

import org.springframework.security.core.AuthenticationException;

/** A valid access token of a login session that was revoked (logout, refresh-token reuse). */
class SessionRevokedException extends AuthenticationException {

    SessionRevokedException() {
        super("the session of this access token was revoked");
    }
}
