package io.urop.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a servlet service verifies access tokens ({@code urop.security.*}).
 *
 * @param jwksUri             auth-service's JWKS: {@code lb://auth-service/.well-known/jwks.json} (the fleet's
 *                            setting, resolved through Spring Cloud LoadBalancer at each fetch) or an http(s)
 *                            URL; by default {@code ${UROP_AUTH_URL:http://localhost:8081}/.well-known/jwks.json}
 * @param issuer              the exact {@code iss} required
 * @param audience            the value {@code aud} must contain
 * @param publicPaths         the service's own paths that need no token (PathPattern syntax, e.g.
 *                            {@code /api/v1/public/**}); added to {@link UropSecurityAutoConfiguration#ALWAYS_PUBLIC}
 * @param jwksCacheTtl        how long a fetched JWKS is used before it is fetched again
 * @param jwksRefetchInterval the JWKS is fetched at most twice in this interval, however many unknown kids come in
 */
@ConfigurationProperties("urop.security")
public record UropSecurityProperties(
        URI jwksUri,
        @DefaultValue("urop-auth") String issuer,
        @DefaultValue("urop") String audience,
        @DefaultValue List<String> publicPaths,
        @DefaultValue("5m") Duration jwksCacheTtl,
        @DefaultValue("30s") Duration jwksRefetchInterval) {

    /** Where the JWKS is when {@code urop.security.jwks-uri} is not set. */
    public static final String DEFAULT_AUTH_URL = "${UROP_AUTH_URL:http://localhost:8081}";

    public UropSecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
