package io.urop.security;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.urop.contracts.AccessTokenClaims;
import io.urop.contracts.Role;

/**
 * Verifies the ES256 access tokens auth-service issues. Plain Java on nimbus-jose-jwt: usable by a
 * servlet service (through this library's auto-configuration), a WebSocket handshake or a test alike.
 *
 * <ul>
 * <li>The algorithm is pinned to ES256: {@code alg: none} (an unsecured JWT), HS256 (even one keyed
 * with the public key's bytes), RS256 and any other are refused before a key is even looked up.</li>
 * <li>Keys come from auth-service's JWKS ({@code http(s)://}, or {@code lb://auth-service/...} resolved at
 * each fetch through an {@link InstanceResolver}), cached ({@link Builder#jwksCacheTtl}); a token naming an
 * unknown {@code kid} makes it fetch the JWKS again, so a rotated key works at once, but the JWKS is
 * fetched at most twice per {@link Builder#jwksRefetchInterval} (the second fetch is the one kept for
 * a rotation), so garbage kids cannot hammer auth-service. When auth-service is down, the last JWKS
 * fetched is used for up to the lifetime of an access token.</li>
 * <li>{@code iss} must equal the issuer, {@code aud} must contain the audience, {@code exp} is
 * required, {@code exp}, {@code nbf} and {@code iat} are checked with a 30 s clock skew.</li>
 * <li>{@code sub}, {@code sid} and {@code roles} are required; {@code tid} (a UUID) is too, unless
 * the token carries {@link Role#PLATFORM_ADMIN} or {@link Role#SERVICE} (whose {@code sub} is the
 * calling service's client id). Role names this library does not know grant nothing and are dropped; a
 * token left with no known role is refused.</li>
 * <li>{@code loc}, if present, is a non-empty array of location UUIDs the token is limited to; absent,
 * the token reaches every location of its tenant. Anything else in {@code loc} refuses the token: a
 * limit that cannot be read must not turn into no limit.</li>
 * </ul>
 * A caller sends the same token for up to 15 minutes (a service its client-credentials token on every call): a token
 * verified once is kept for {@link Builder#verifiedTokenCache a short while}, keyed by its exact text, and still
 * refused once it expires, so that the ES256 signature is not checked again on each request.
 * Thread-safe; one instance per issuer, kept for the life of the application.
 */
public final class AccessTokenVerifier implements AutoCloseable {

    /** The clock skew allowed on {@code exp}, {@code nbf} and {@code iat}. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** How long the last JWKS fetched stays usable while auth-service cannot be reached: one access token's life. */
    static final Duration OUTAGE_TOLERANCE = Duration.ofMinutes(15);

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final JWKSource<SecurityContext> keys;
    private final Cache<String, VerifiedToken> verified;

    private AccessTokenVerifier(Builder builder, JWKSource<SecurityContext> keys) {
        this.keys = keys;
        this.verified = builder.keepVerifiedFor.isZero() ? null : Caffeine.newBuilder()
                .expireAfterWrite(builder.keepVerifiedFor).maximumSize(builder.maxVerifiedTokens).build();
        this.processor = new DefaultJWTProcessor<>();
        // auth-service's typ: absent, JWT or at+jwt (RFC 9068); anything else is not an access token
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                // a mutable set: nimbus asks it whether it contains null (an immutable Set.of throws)
                new HashSet<>(Set.of(builder.audience)),
                new JWTClaimsSet.Builder().issuer(builder.issuer).build(),
                Set.of("exp", "sub", AccessTokenClaims.SESSION, AccessTokenClaims.ROLES),
                null);
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the verified token
     * @throws InvalidAccessTokenException if the token is refused, for whatever reason (the message
     *         says which, for logs only)
     */
    public VerifiedToken verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidAccessTokenException("no token");
        }
        VerifiedToken known = verified == null ? null : verified.getIfPresent(token);
        if (known != null && known.expiresAt().plus(CLOCK_SKEW).isAfter(Instant.now())) {
            return known;
        }
        VerifiedToken checked = check(token);
        if (verified != null) {
            verified.put(token, checked);
        }
        return checked;
    }

    private VerifiedToken check(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        }
        catch (ParseException e) {
            throw new InvalidAccessTokenException("malformed token: " + e.getMessage(), e);
        }
        catch (BadJOSEException | JOSEException e) {
            throw new InvalidAccessTokenException(e.getMessage(), e);
        }
        return toVerifiedToken(claims);
    }

    private static VerifiedToken toVerifiedToken(JWTClaimsSet claims) {
        Date issuedAt = claims.getIssueTime();
        if (issuedAt != null && issuedAt.toInstant().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw new InvalidAccessTokenException("iat is in the future");
        }
        String subject = requiredString(claims, "sub");
        String sessionId = requiredString(claims, AccessTokenClaims.SESSION);
        Set<Role> roles = roles(claims);
        UUID tenantId = tenant(claims, roles);
        Set<UUID> locations = locations(claims);
        return new VerifiedToken(subject, tenantId, roles, locations, sessionId,
                claims.getExpirationTime().toInstant(), claimMap(claims));
    }

    private static String requiredString(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new InvalidAccessTokenException(name + " is missing, blank or not a string");
        }
        return text;
    }

    private static Set<Role> roles(JWTClaimsSet claims) {
        if (!(claims.getClaim(AccessTokenClaims.ROLES) instanceof List<?> names)) {
            throw new InvalidAccessTokenException("roles is not an array");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            if (!(name instanceof String text)) {
                throw new InvalidAccessTokenException("roles holds a value that is not a string");
            }
            Role.of(text).ifPresent(roles::add);
        }
        if (roles.isEmpty()) {
            throw new InvalidAccessTokenException("roles holds no known role");
        }
        return roles;
    }

    private static UUID tenant(JWTClaimsSet claims, Set<Role> roles) {
        Object value = claims.getClaim(AccessTokenClaims.TENANT);
        if (value == null) {
            if (roles.stream().anyMatch(Role::mayActWithoutTenant)) {
                return null;
            }
            throw new InvalidAccessTokenException("tid is missing");
        }
        return uuid(value, AccessTokenClaims.TENANT);
    }

    private static Set<UUID> locations(JWTClaimsSet claims) {
        Object value = claims.getClaim(AccessTokenClaims.LOCATIONS);
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof List<?> ids) || ids.isEmpty()) {
            throw new InvalidAccessTokenException("loc is not a non-empty array");
        }
        Set<UUID> locations = new HashSet<>();
        for (Object id : ids) {
            locations.add(uuid(id, AccessTokenClaims.LOCATIONS));
        }
        return locations;
    }

    private static UUID uuid(Object value, String claim) {
        if (!(value instanceof String text)) {
            throw new InvalidAccessTokenException(claim + " holds a value that is not a string");
        }
        try {
            UUID id = UUID.fromString(text);
            if (!id.toString().equals(text.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("not in canonical form");
            }
            return id;
        }
        catch (IllegalArgumentException e) {
            throw new InvalidAccessTokenException(claim + " holds a value that is not a UUID");
        }
    }

    private static Map<String, Object> claimMap(JWTClaimsSet claims) {
        Map<String, Object> map = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> {
            if (value != null) {
                map.put(name, value instanceof Date date ? date.toInstant() : value);
            }
        });
        return map;
    }

    /** Stops the JWKS cache's background work, if any. */
    @Override
    public void close() {
        if (keys instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            }
            catch (Exception e) {
                // nothing to recover: the source holds no resource that outlives the JVM
            }
        }
    }

    public static final class Builder {

        private URI jwksUri;
        private JWKSource<SecurityContext> jwkSource;
        private String issuer;
        private String audience;
        private Duration jwksCacheTtl = Duration.ofMinutes(5);
        private Duration jwksRefetchInterval = Duration.ofSeconds(30);
        private Duration httpTimeout = Duration.ofSeconds(2);
        private InstanceResolver instances;
        private Duration keepVerifiedFor = Duration.ofMinutes(1);
        private long maxVerifiedTokens = 10_000;

        private Builder() {
        }

        /**
         * Keeps up to {@code maxTokens} verified tokens for {@code keepFor} (1 min and 10,000 by default; zero keeps
         * none): a key withdrawn from the JWKS stops a kept token within {@code keepFor}.
         */
        public Builder verifiedTokenCache(Duration keepFor, long maxTokens) {
            this.keepVerifiedFor = keepFor;
            this.maxVerifiedTokens = maxTokens;
            return this;
        }

        /**
         * auth-service's JWKS, e.g. {@code http://auth-service:8081/.well-known/jwks.json}, or
         * {@code lb://auth-service/.well-known/jwks.json} with an {@link #instanceResolver}.
         */
        public Builder jwksUri(URI jwksUri) {
            this.jwksUri = jwksUri;
            return this;
        }

        /** Finds an instance of the service an {@code lb://} {@link #jwksUri} names, at each fetch. */
        public Builder instanceResolver(InstanceResolver instances) {
            this.instances = instances;
            return this;
        }

        /** Keys from somewhere else than a JWKS URL (then the cache settings here do not apply). */
        public Builder jwkSource(JWKSource<SecurityContext> jwkSource) {
            this.jwkSource = jwkSource;
            return this;
        }

        /** The exact {@code iss} required. */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** The value {@code aud} must contain. */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** How long a fetched JWKS is used before it is fetched again (5 min by default). */
        public Builder jwksCacheTtl(Duration ttl) {
            this.jwksCacheTtl = ttl;
            return this;
        }

        /** The JWKS is fetched at most twice in this interval, whatever kids tokens name (30 s by default). */
        public Builder jwksRefetchInterval(Duration interval) {
            this.jwksRefetchInterval = interval;
            return this;
        }

        /** Connect and read timeout of a JWKS fetch (2 s by default). */
        public Builder httpTimeout(Duration timeout) {
            this.httpTimeout = timeout;
            return this;
        }

        public AccessTokenVerifier build() {
            requireText(issuer, "issuer");
            requireText(audience, "audience");
            return new AccessTokenVerifier(this, jwkSource != null ? jwkSource : remoteKeys());
        }

        private JWKSource<SecurityContext> remoteKeys() {
            Objects.requireNonNull(jwksUri, "jwksUri or jwkSource is required");
            if (jwksRefetchInterval.isNegative() || jwksRefetchInterval.isZero()
                    || jwksRefetchInterval.compareTo(jwksCacheTtl) >= 0) {
                throw new IllegalArgumentException("jwksRefetchInterval must be positive and shorter than jwksCacheTtl");
            }
            int timeout = Math.toIntExact(httpTimeout.toMillis());
            ResourceRetriever retriever = new DefaultResourceRetriever(timeout, timeout,
                    JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
            URL url;
            String scheme = jwksUri.getScheme();
            if (LoadBalancedRetriever.SCHEME.equalsIgnoreCase(scheme)) {
                if (instances == null) {
                    throw new IllegalArgumentException("an lb:// jwksUri needs an instanceResolver (Spring Cloud "
                            + "LoadBalancer on the classpath): " + jwksUri);
                }
                retriever = new LoadBalancedRetriever(instances, retriever);
                url = toUrl(LoadBalancedRetriever.toServiceUri(jwksUri));
            }
            else if ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) {
                url = toUrl(jwksUri);
            }
            else {
                throw new IllegalArgumentException("jwksUri must be an http(s) or lb URI, not " + jwksUri);
            }
            return JWKSourceBuilder.<SecurityContext>create(url, retriever)
                    .cache(jwksCacheTtl.toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                    .rateLimited(jwksRefetchInterval.toMillis())
                    .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                    .build();
        }

        private static URL toUrl(URI uri) {
            try {
                return uri.toURL();
            }
            catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalArgumentException("jwksUri is not a URL: " + uri, e);
            }
        }

        private static void requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " is required");
            }
        }
    }
}
