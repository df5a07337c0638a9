package io.urop.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.urop.contracts.AuthEndpoints;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * A service's own access token at auth-service (client credentials, {@code POST /oauth2/token}), kept until
 * shortly before it expires so that calls do not each fetch one.
 */
public final class ServiceTokens {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final RestClient auth;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private volatile Token current;

    /** @param auth a client of auth-service (its base URL set) */
    public ServiceTokens(RestClient auth, String clientId, String clientSecret, Clock clock) {
        this.auth = auth;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    public String token() {
        Token token = current;
        if (token == null || clock.instant().isAfter(token.renewAt())) {
            token = fetch();
            current = token;
        }
        return token.value();
    }

    /** Forgets the token, after auth-service refused it (its key may have been rotated away). */
    public void forget() {
        current = null;
    }

    private synchronized Token fetch() {
        Map<?, ?> body = auth.post().uri(AuthEndpoints.TOKEN)
                .headers(headers -> headers.setBasicAuth(clientId, clientSecret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials")
                .retrieve().body(Map.class);
        if (body == null || !(body.get("access_token") instanceof String value)
                || !(body.get("expires_in") instanceof Number expiresIn)) {
            throw new IllegalStateException("auth-service answered the token request without a token");
        }
        Instant renewAt = clock.instant().plusSeconds(expiresIn.longValue()).minus(RENEW_BEFORE_EXPIRY);
        return new Token(value, renewAt);
    }

    private record Token(String value, Instant renewAt) {
    }
}
