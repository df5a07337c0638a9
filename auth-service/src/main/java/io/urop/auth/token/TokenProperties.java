package io.urop.auth.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What auth-service's tokens say and how long they live ({@code urop.auth.tokens.*}).
 *
 * @param issuer            {@code iss}; verifiers require exactly this (libs/security's {@code urop.security.issuer})
 * @param audience          {@code aud}; verifiers require it (libs/security's {@code urop.security.audience})
 * @param accessTokenTtl    an access token's life; also how long a revoked session stays on the deny-list
 * @param refreshTokenTtl   a session's life without a refresh; every refresh starts it again
 * @param sessionMaxLifetime a session's life however often it is refreshed: then its person signs in again
 * @param refreshReuseGrace how long after a rotation the old refresh token may be exchanged once more
 *                          (two tabs refreshing at once); any other reuse counts as theft
 * @param serviceTokenTtl   a service client's token's life
 * @param dinerTokenTtl     a diner's token's life: one sitting at a table
 */
@ConfigurationProperties("urop.auth.tokens")
public record TokenProperties(
        @DefaultValue("urop-auth") String issuer,
        @DefaultValue("urop") String audience,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("7d") Duration refreshTokenTtl,
        @DefaultValue("30d") Duration sessionMaxLifetime,
        @DefaultValue("15s") Duration refreshReuseGrace,
        @DefaultValue("10m") Duration serviceTokenTtl,
        @DefaultValue("3h") Duration dinerTokenTtl) {
}
