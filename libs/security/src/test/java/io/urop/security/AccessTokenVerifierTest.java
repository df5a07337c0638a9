package io.urop.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verifier on its own, outside Spring: what the HTTP test does not show. */
class AccessTokenVerifierTest {

    static final ECKey KEY = TestTokens.newKey("k1");
    static final JwksServer JWKS = JwksServer.serving(KEY);
    static final AccessTokenVerifier VERIFIER = AccessTokenVerifier.builder()
            .jwksUri(JWKS.uri())
            .issuer(TestTokens.ISSUER)
            .audience(TestTokens.AUDIENCE)
            .build();

    @AfterAll
    static void stop() {
        VERIFIER.close();
        JWKS.close();
    }

    @Test
    void aVerifiedTokenCarriesItsClaims() {
        UUID tenant = UUID.randomUUID();
        VerifiedToken token = VERIFIER.verify(TestTokens.sign(KEY, TestTokens.claims(tenant, "MANAGER", "STAFF")
                .subject("ada").claim("sid", "s-1").claim("loc", "location-7")));

        assertThat(token.subject()).isEqualTo("ada");
        assertThat(token.tenantId()).isEqualTo(tenant);
        assertThat(token.roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.STAFF);
        assertThat(token.sessionId()).isEqualTo("s-1");
        assertThat(token.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
        assertThat(token.claims()).containsEntry("loc", "location-7").containsEntry("exp", token.expiresAt());
    }

    @Test
    void onlyAPlatformAdminMayHaveNoTenantAndUnknownRolesGrantNothing() {
        VerifiedToken admin = VERIFIER.verify(TestTokens.sign(KEY, TestTokens.claims(null, "PLATFORM_ADMIN", "WIZARD")));
        assertThat(admin.tenantId()).isNull();
        assertThat(admin.roles()).containsExactly(Role.PLATFORM_ADMIN);

        assertRefused(TestTokens.claims(null, "OWNER"), "tid is missing");
        assertRefused(TestTokens.claims(UUID.randomUUID(), "WIZARD"), "no known role");
        assertRefused(TestTokens.claims(UUID.randomUUID(), "OWNER").claim("tid", "tenant-1"), "tid is not a UUID");
        assertRefused(TestTokens.claims(UUID.randomUUID(), "OWNER").claim("sid", null), "sid");
    }

    @Test
    void timesAreCheckedWithThirtySecondsOfSkew() {
        Instant now = Instant.now();
        UUID tenant = UUID.randomUUID();
        // a few seconds over: still within the skew
        VERIFIER.verify(TestTokens.sign(KEY, TestTokens.claims(tenant, "OWNER")
                .expirationTime(Date.from(now.minusSeconds(10)))));

        assertRefused(TestTokens.claims(tenant, "OWNER").expirationTime(Date.from(now.minusSeconds(45))), "Expired");
        assertRefused(TestTokens.claims(tenant, "OWNER").notBeforeTime(Date.from(now.plusSeconds(120))), "before use");
        assertRefused(TestTokens.claims(tenant, "OWNER").issueTime(Date.from(now.plusSeconds(120))), "iat");
    }

    @Test
    void garbageKidsDoNotHammerAuthService() {
        try (JwksServer jwks = JwksServer.serving(KEY);
                AccessTokenVerifier verifier = AccessTokenVerifier.builder().jwksUri(jwks.uri())
                        .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build()) {
            verifier.verify(TestTokens.sign(KEY, TestTokens.claims(UUID.randomUUID(), "OWNER")));
            assertThat(jwks.fetches()).isEqualTo(1);

            for (int i = 0; i < 10; i++) {
                String token = TestTokens.sign(TestTokens.newKey("garbage-" + i),
                        TestTokens.claims(UUID.randomUUID(), "OWNER"));
                assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidAccessTokenException.class);
            }

            // within the default 30 s: the first fetch and one spare refetch, however many unknown kids came in
            assertThat(jwks.fetches()).isEqualTo(2);
        }
    }

    private static void assertRefused(com.nimbusds.jwt.JWTClaimsSet.Builder claims, String reason) {
        String token = TestTokens.sign(KEY, claims);
        assertThatThrownBy(() -> VERIFIER.verify(token))
                .isInstanceOf(InvalidAccessTokenException.class)
                .hasMessageContaining(reason);
    }
}
