package io.urop.test.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.urop.contracts.Role;

/**
 * One access token to mint, with the claims auth-service puts in: {@code iss}, {@code aud}, {@code sub},
 * {@code tid}, {@code roles}, {@code sid}, {@code loc} (if limited), {@code iat}, {@code exp} (15 minutes),
 * {@code jti}. {@link #sign()} gives a valid token; the other {@code sign...} methods and the claim
 * setters give the ways a token must be refused.
 */
public final class TokenBuilder {

    /** How long auth-service's access tokens live. */
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    private static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");

    private final TokenIssuer issuer;
    private final JWTClaimsSet.Builder claims;

    TokenBuilder(TokenIssuer issuer, String subject, UUID tenantId, Role... roles) {
        this.issuer = issuer;
        Instant now = Instant.now();
        this.claims = new JWTClaimsSet.Builder()
                .issuer(issuer.issuer())
                .audience(issuer.audience())
                .subject(subject)
                .claim("sid", "session-" + UUID.randomUUID())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString());
        roles(roles);
        claim("tid", tenantId == null ? null : tenantId.toString());
    }

    public TokenBuilder subject(String subject) {
        claims.subject(subject);
        return this;
    }

    public TokenBuilder session(String sessionId) {
        return claim("sid", sessionId);
    }

    /** Replaces the roles. */
    public TokenBuilder roles(Role... roles) {
        return claim("roles", Arrays.stream(roles).map(Role::name).toList());
    }

    /** Limits the token to these locations of its tenant ({@code loc}); without, it reaches them all. */
    public TokenBuilder locations(UUID... locations) {
        return locations(Arrays.asList(locations));
    }

    public TokenBuilder locations(Collection<UUID> locations) {
        return claim("loc", locations.stream().map(UUID::toString).toList());
    }

    /** Sets any claim; {@code null} removes it. */
    public TokenBuilder claim(String name, Object value) {
        claims.claim(name, value);
        return this;
    }

    public TokenBuilder issuer(String issuer) {
        claims.issuer(issuer);
        return this;
    }

    public TokenBuilder audience(String audience) {
        claims.audience(audience);
        return this;
    }

    public TokenBuilder expiresAt(Instant expiresAt) {
        claims.expirationTime(expiresAt == null ? null : Date.from(expiresAt));
        return this;
    }

    /** Expired five minutes ago, well beyond any verifier's clock skew. */
    public TokenBuilder expired() {
        Instant now = Instant.now();
        claims.issueTime(Date.from(now.minus(LIFETIME).minus(Duration.ofMinutes(5))));
        return expiresAt(now.minus(Duration.ofMinutes(5)));
    }

    /** No {@code exp}: a token that would never expire. */
    public TokenBuilder withoutExpiry() {
        return expiresAt(null);
    }

    public JWTClaimsSet claims() {
        return claims.build();
    }

    /** Signed ES256 with the issuer's key, as auth-service signs. */
    public String sign() {
        return signWith(issuer.signingKey());
    }

    /** Signed ES256 with that key, under its {@code kid}. */
    public String signWith(ECKey key) {
        try {
            return sign(JWSAlgorithm.ES256, key.getKeyID(), new ECDSASigner(key));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed ES256 by a fresh key that no JWKS publishes. */
    public String signWithUnknownKey() {
        return signWith(TestTokens.newKey("unknown-" + UUID.randomUUID()));
    }

    /**
     * Validly signed, then its payload swapped for one naming another tenant and the platform admin
     * role, keeping the original signature.
     */
    public String signTampered() {
        String[] parts = sign().split("\\.");
        JWTClaimsSet forged = new JWTClaimsSet.Builder(claims())
                .claim("tid", UUID.randomUUID().toString())
                .claim("roles", List.of(Role.PLATFORM_ADMIN.name()))
                .build();
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.toString().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }

    /** {@code alg: none}: an unsecured JWT, no signature at all. */
    public String signUnsecured() {
        return new PlainJWT(claims()).serialize();
    }

    /** HS256 keyed with the bytes of the issuer's public key: the algorithm-confusion attack. */
    public String signHs256WithPublicKey() {
        ECKey key = issuer.signingKey();
        try {
            return sign(JWSAlgorithm.HS256, key.getKeyID(), new MACSigner(key.toECPublicKey().getEncoded()));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(JWSAlgorithm algorithm, String kid, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).type(ACCESS_TOKEN).build(), claims());
        try {
            jwt.sign(signer);
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
