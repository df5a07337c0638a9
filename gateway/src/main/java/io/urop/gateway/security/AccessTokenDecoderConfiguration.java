package io.urop.gateway.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The decoder of auth-service's access tokens: ES256 only (so {@code alg: none}, HS256 keyed with the
 * public key's bytes, RS256... are refused before any key is used), keys from the JWKS
 * ({@link JwkSetCache}), {@code typ} absent, {@code JWT} or {@code at+jwt}, {@code iss} and {@code aud}
 * exact, {@code exp} required, {@code exp}/{@code nbf}/{@code iat} with a 30 s clock skew, and the
 * platform's own claims ({@link AccessTokenClaimsValidator}).
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenDecoderConfiguration {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    @Bean
    JwkSetCache accessTokenKeys(GatewaySecurityProperties properties,
            ObjectProvider<LoadBalancedExchangeFilterFunction> loadBalancer) {
        JwksEndpoint endpoint = JwksEndpoint.of(properties.jwksUri(), properties.jwksTimeout(), loadBalancer::getObject);
        return new JwkSetCache(endpoint, properties.jwksCacheTtl(), properties.jwksRefetchInterval(),
                properties.jwksOutageTolerance(), Clock.systemUTC());
    }

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(GatewaySecurityProperties properties, JwkSetCache keys) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
        type.setAllowEmpty(true);
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setAllowEmptyExpiryClaim(false);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                type,
                timestamps,
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience()),
                new AccessTokenClaimsValidator(CLOCK_SKEW, Clock.systemUTC())));
        return new VerifiedTokenCache(decoder, properties.verifiedTokenCacheTtl(), 10_000, Clock.systemUTC());
    }
}
