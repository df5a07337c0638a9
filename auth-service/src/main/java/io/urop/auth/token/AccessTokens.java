package io.urop.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.urop.auth.keys.KeyRing;
import io.urop.contracts.AccessTokenClaims;
import io.urop.contracts.Role;
import io.urop.events.Uuid7;

import org.springframework.stereotype.Service;

/**
 * Signs ES256 access tokens (RFC 9068 {@code at+jwt}) with the key ring's active key. Claims: {@code iss},
 * {@code aud}, {@code sub}, {@code tid}, {@code roles}, {@code sid}, {@code loc} (only when the subject is
 * limited to some locations), {@code iat}, {@code exp}, {@code jti}; plus whatever a caller adds.
 */
@Service
public class AccessTokens {

    private final KeyRing keys;
    private final TokenProperties properties;
    private final Clock clock;
    private volatile KeySigner signer;

    AccessTokens(KeyRing keys, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    public IssuedToken issue(Grant grant) {
        return issue(grant, properties.accessTokenTtl());
    }

    public IssuedToken issue(Grant grant, Duration lifetime) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(properties.audience())
                .subject(grant.subject())
                .claim(AccessTokenClaims.ROLES, grant.roles().stream().map(Role::name).sorted().toList())
                .claim(AccessTokenClaims.SESSION, grant.sessionId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(Uuid7.next().toString());
        if (grant.tenantId() != null) {
            claims.claim(AccessTokenClaims.TENANT, grant.tenantId().toString());
        }
        if (!grant.locationIds().isEmpty()) {
            claims.claim(AccessTokenClaims.LOCATIONS, grant.locationIds().stream().map(UUID::toString).sorted().toList());
        }
        grant.extraClaims().forEach(claims::claim);
        return new IssuedToken(sign(claims.build()), expiresAt);
    }

    private String sign(JWTClaimsSet claims) {
        ECKey key = keys.signingKey();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signerFor(key));
        }
        catch (JOSEException e) {
            throw new IllegalStateException("Could not sign an access token", e);
        }
        return jwt.serialize();
    }

    /** The active key's signer, made again only when the key ring rotates. */
    private ECDSASigner signerFor(ECKey key) throws JOSEException {
        KeySigner current = signer;
        if (current == null || !current.key().equals(key)) {
            ECDSASigner made = new ECDSASigner(key);
            made.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
            current = new KeySigner(key, made);
            signer = current;
        }
        return current.signer();
    }

    private record KeySigner(ECKey key, ECDSASigner signer) {
    }

    /** Who a token is for and what it allows. */
    public record Grant(String subject, UUID tenantId, Set<Role> roles, String sessionId, Set<UUID> locationIds,
            Map<String, Object> extraClaims) {

        public Grant {
            roles = Set.copyOf(roles);
            locationIds = Set.copyOf(locationIds);
            extraClaims = Map.copyOf(extraClaims);
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("a token grants at least one role");
            }
        }

        public static Grant of(String subject, UUID tenantId, Set<Role> roles, String sessionId, Set<UUID> locationIds) {
            return new Grant(subject, tenantId, roles, sessionId, locationIds, Map.of());
        }
    }

    public record IssuedToken(String value, Instant expiresAt) {
    }
}
