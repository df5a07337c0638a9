package io.urop.auth.session;

import java.util.UUID;

/**
 * What a login or a refresh answers.
 *
 * @param expiresIn             seconds the access token is valid for
 * @param refreshToken          opaque; exchange it once at {@code /api/v1/auth/refresh} for a new pair
 * @param refreshTokenExpiresIn seconds the refresh token is valid for
 * @param sessionId             the session ({@code sid}) both tokens belong to
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
        long refreshTokenExpiresIn, UUID sessionId) {
}
