package io.urop.security;

/**
 * The token was refused. The message says why, for the service's logs only: clients are only ever
 * told "invalid or expired token".
 */
public class InvalidAccessTokenException extends RuntimeException {

    public InvalidAccessTokenException(String message) {
        super(message);
    }

    public InvalidAccessTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
