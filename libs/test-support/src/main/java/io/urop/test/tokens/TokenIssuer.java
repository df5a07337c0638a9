package io.urop.test.tokens;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.ECKey;
import io.urop.contracts.Role;

/**
 * Mints access tokens signed with whatever key a test's issuer signs with: {@link TestTokens#issuer()}
 * for every service but auth-service, whose tests sign with its own key ring
 * ({@code TokenIssuer.signingWith(signingKeys::signingKey)}).
 */
public final class TokenIssuer {

    private final Supplier<ECKey> signingKey;
    private final String issuer;
    private final String audience;

    private TokenIssuer(Supplier<ECKey> signingKey, String issuer, String audience) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
    }

    /**
     * @param signingKey the private EC P-256 key to sign with, with its {@code kid}; asked at each
     *                   signing, so a key ring that rotates is followed
     */
    public static TokenIssuer signingWith(Supplier<ECKey> signingKey) {
        return signingWith(signingKey, TestTokens.ISSUER, TestTokens.AUDIENCE);
    }

    public static TokenIssuer signingWith(Supplier<ECKey> signingKey, String issuer, String audience) {
        return new TokenIssuer(signingKey, issuer, audience);
    }

    /** A user of that tenant with those roles, a random {@code sub} and {@code sid}, valid for 15 minutes. */
    public TokenBuilder user(UUID tenantId, Role... roles) {
        return new TokenBuilder(this, "user-" + UUID.randomUUID(), Objects.requireNonNull(tenantId, "tenantId"), roles);
    }

    /** A platform admin, without a tenant. */
    public TokenBuilder platformAdmin() {
        return new TokenBuilder(this, "admin-" + UUID.randomUUID(), null, Role.PLATFORM_ADMIN);
    }

    /** A fleet service calling with client credentials: {@code sub} is its client id; without a tenant. */
    public TokenBuilder service(String clientId) {
        return new TokenBuilder(this, clientId, null, Role.SERVICE);
    }

    /**
     * One of each token a verifier must refuse, for a random tenant's owner: the tampered payload,
     * {@code alg: none}, HS256 keyed with the public key, expired, no {@code exp}, a wrong {@code aud},
     * a wrong {@code iss}, and a key no JWKS publishes.
     */
    public List<RefusedToken> refusedTokens() {
        UUID tenant = UUID.randomUUID();
        return List.of(
                new RefusedToken("tampered payload", user(tenant, Role.OWNER).signTampered()),
                new RefusedToken("alg none", user(tenant, Role.OWNER).signUnsecured()),
                new RefusedToken("HS256 keyed with the public key", user(tenant, Role.OWNER).signHs256WithPublicKey()),
                new RefusedToken("expired", user(tenant, Role.OWNER).expired().sign()),
                new RefusedToken("no exp", user(tenant, Role.OWNER).withoutExpiry().sign()),
                new RefusedToken("wrong aud", user(tenant, Role.OWNER).audience("billing").sign()),
                new RefusedToken("wrong iss", user(tenant, Role.OWNER).issuer("https://issuer.invalid").sign()),
                new RefusedToken("signed by an unknown key", user(tenant, Role.OWNER).signWithUnknownKey()));
    }

    /** The key tokens are signed with now. */
    public ECKey signingKey() {
        return Objects.requireNonNull(signingKey.get(), "the issuer has no signing key");
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }
}
