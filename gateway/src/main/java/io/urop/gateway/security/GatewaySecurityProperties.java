package io.urop.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * How the gateway verifies access tokens ({@code urop.gateway.security.*}).
 *
 * @param publicPaths          paths that need no token (PathPattern syntax); a token sent on them is
 *                             ignored. Every other path needs a valid access token.
 * @param jwksUri              auth-service's JWKS: {@code lb://<service-id>/...} is resolved through the
 *                             load balancer, {@code http(s)://} is fetched as given
 * @param issuer               the exact {@code iss} required
 * @param audience             the value {@code aud} must contain
 * @param jwksCacheTtl         how long a fetched JWKS is used before it is fetched again
 * @param jwksRefetchInterval  the JWKS is fetched at most twice in this interval, however many unknown
 *                             {@code kid}s come in
 * @param jwksTimeout          how long one JWKS fetch may take
 * @param jwksOutageTolerance  how long past its TTL the last JWKS stays usable while auth-service cannot
 *                             be reached (about one access token's life)
 * @param verifiedTokenCacheTtl how long a token, once verified, is trusted without checking its signature
 *                             again (never past its {@code exp}; revocation is checked on every request)
 * @param revocationsPollInterval how often auth-service's stream of revoked sessions is read for new entries
 * @param revocationsStaleAfter   once no read of that stream has succeeded for this long, each request asks
 *                             Redis itself: the longest a revoked session's token can still pass
 */
@ConfigurationProperties("urop.gateway.security")
public record GatewaySecurityProperties(
        @DefaultValue List<String> publicPaths,
        @DefaultValue("lb://auth-service/.well-known/jwks.json") URI jwksUri,
        @DefaultValue("urop-auth") String issuer,
        @DefaultValue("urop") String audience,
        @DefaultValue("5m") Duration jwksCacheTtl,
        @DefaultValue("30s") Duration jwksRefetchInterval,
        @DefaultValue("2s") Duration jwksTimeout,
        @DefaultValue("15m") Duration jwksOutageTolerance,
        @DefaultValue("1m") Duration verifiedTokenCacheTtl,
        @DefaultValue("100ms") Duration revocationsPollInterval,
        @DefaultValue("1s") Duration revocationsStaleAfter) {

    private static final Set<String> JWKS_SCHEMES = Set.of("lb", "http", "https");

    public GatewaySecurityProperties {
        publicPaths = List.copyOf(publicPaths);
        publicPaths.forEach(PathPatternParser.defaultInstance::parse);
        if (jwksUri.getScheme() == null || !JWKS_SCHEMES.contains(jwksUri.getScheme())
                || jwksUri.getHost() == null) {
            throw new IllegalArgumentException(
                    "urop.gateway.security.jwks-uri must be an lb://, http:// or https:// URI, not " + jwksUri);
        }
        if (issuer.isBlank() || audience.isBlank()) {
            throw new IllegalArgumentException("urop.gateway.security.issuer and .audience must not be blank");
        }
        if (!isPositive(jwksRefetchInterval) || !isPositive(jwksTimeout)
                || jwksRefetchInterval.compareTo(jwksCacheTtl) >= 0) {
            throw new IllegalArgumentException("urop.gateway.security: jwks-refetch-interval and jwks-timeout must "
                    + "be positive, and jwks-refetch-interval shorter than jwks-cache-ttl");
        }
        if (!isPositive(revocationsPollInterval)
                || revocationsStaleAfter.compareTo(revocationsPollInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("urop.gateway.security: revocations-poll-interval must be positive, and "
                    + "revocations-stale-after at least twice as long");
        }
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
