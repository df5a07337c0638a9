package io.urop.test.tokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.ECKey;
import io.urop.contracts.Role;
import io.urop.security.AccessTokenVerifier;
import io.urop.security.InvalidAccessTokenException;
import io.urop.security.VerifiedToken;
import io.urop.test.http.JwksServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The issuer's tokens through the real verifier, fetching keys from the issuer's real JWKS endpoint. */
class TestTokensTest {

    static final AccessTokenVerifier VERIFIER = AccessTokenVerifier.builder()
            .jwksUri(TestTokens.jwksUri()).issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build();

    @AfterAll
    static void stop() {
        VERIFIER.close();
    }

    @Test
    void aUserTokenCarriesItsTenantRolesAndLocations() {
        UUID tenant = UUID.randomUUID();
        UUID location = UUID.randomUUID();

        VerifiedToken token = VERIFIER.verify(TestTokens.user(tenant, Role.MANAGER, Role.STAFF).subject("ada")
                .session("s-1").locations(location).sign());

        assertThat(token.subject()).isEqualTo("ada");
        assertThat(token.tenantId()).isEqualTo(tenant);
        assertThat(token.roles()).containsExactlyInAnyOrder(Role.MANAGER, Role.STAFF);
        assertThat(token.sessionId()).isEqualTo("s-1");
        assertThat(token.locations()).containsExactly(location);
        assertThat(VERIFIER.verify(TestTokens.user(tenant, Role.OWNER).sign()).locations()).isEmpty();
    }

    @Test
    void platformAdminAndServiceTokensNameNoTenant() {
        VerifiedToken admin = VERIFIER.verify(TestTokens.platformAdmin().sign());
        assertThat(admin.tenantId()).isNull();
        assertThat(admin.roles()).containsExactly(Role.PLATFORM_ADMIN);

        VerifiedToken service = VERIFIER.verify(TestTokens.service("order-service").sign());
        assertThat(service.subject()).isEqualTo("order-service");
        assertThat(service.tenantId()).isNull();
        assertThat(service.roles()).containsExactly(Role.SERVICE);
    }

    /** Each is refused for the reason it was made for, not by accident (say, for being malformed). */
    @TestFactory
    Stream<DynamicTest> everyRefusedTokenIsRefusedByTheVerifierForItsReason() {
        Map<String, String> reasons = Map.of(
                "tampered payload", "Invalid signature",
                "alg none", "Unsecured (plain) JWTs are rejected",
                "HS256 keyed with the public key", "Another algorithm expected",
                "expired", "Expired JWT",
                "no exp", "JWT missing required claims: [exp]",
                "wrong aud", "JWT audience rejected",
                "wrong iss", "JWT iss claim has value https://issuer.invalid",
                "signed by an unknown key", "no matching key(s) found");
        List<RefusedToken> refused = TestTokens.issuer().refusedTokens();
        assertThat(refused).extracting(RefusedToken::why).containsExactlyInAnyOrderElementsOf(reasons.keySet());
        return refused.stream().map(token -> DynamicTest.dynamicTest(token.why(),
                () -> assertThatThrownBy(() -> VERIFIER.verify(token.token()))
                        .isInstanceOf(InvalidAccessTokenException.class)
                        .hasMessageContaining(reasons.get(token.why()))));
    }

    @Test
    void anotherIssuerSignsWithItsOwnKey() {
        ECKey own = TestTokens.newKey("own");
        TokenIssuer issuer = TokenIssuer.signingWith(() -> own);
        try (JwksServer jwks = JwksServer.serving(own);
                AccessTokenVerifier verifier = AccessTokenVerifier.builder().jwksUri(jwks.uri())
                        .issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).build()) {
            assertThat(verifier.verify(issuer.user(UUID.randomUUID(), Role.OWNER).sign()).roles()).containsExactly(Role.OWNER);
            assertThat(issuer.refusedTokens()).allSatisfy(refused -> assertThatThrownBy(() -> verifier.verify(refused.token()))
                    .as(refused.why()).isInstanceOf(InvalidAccessTokenException.class));
            assertThatThrownBy(() -> VERIFIER.verify(issuer.user(UUID.randomUUID(), Role.OWNER).sign()))
                    .as("the JVM issuer's JWKS does not publish another issuer's key")
                    .isInstanceOf(InvalidAccessTokenException.class);
        }
    }

    @Test
    void theJwksPublishesOnlyThePublicHalf() throws Exception {
        String body = new String(TestTokens.jwksUri().toURL().openStream().readAllBytes());
        assertThat(body).contains(TestTokens.issuer().signingKey().getKeyID()).doesNotContain("\"d\"");
    }
}
