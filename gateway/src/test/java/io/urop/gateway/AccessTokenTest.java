package io.urop.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Access-token verification at the edge: what passes, what is refused, and how. */
class AccessTokenTest extends GatewayIntegrationTest {

    private static final TestAuthServer AUTH = TestFleet.AUTH;

    private static final String PROTECTED = "/api/v1/orders/1";

    @Test
    void aValidTokenReachesTheServiceWithItsAuthorizationHeaderUnchanged() {
        String token = AUTH.token();
        String echo = client.get().uri(PROTECTED).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(echo, "$.service")).isEqualTo("order-service");
        assertThat(JsonPath.<String>read(echo, "$.authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void noTokenOnAProtectedPathIs401ProblemWithABearerChallenge() {
        String problem = client.post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().exists("X-Request-Id")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://urop.io/problems/unauthorized");
        assertThat(JsonPath.<String>read(problem, "$.title")).isEqualTo("Unauthorized");
        assertThat(JsonPath.<Integer>read(problem, "$.status")).isEqualTo(401);
        assertThat(JsonPath.<String>read(problem, "$.detail")).contains("access token is required");
        assertThat(JsonPath.<String>read(problem, "$.instance")).isEqualTo("/api/v1/orders");
        assertThat(TestFleet.backend("order-service").received()).doesNotContain("POST /api/v1/orders");
    }

    @Test
    void aTokenAnywhereButTheAuthorizationHeaderIsNotRead() {
        String token = AUTH.token();
        refused(client.get().uri(PROTECTED + "?access_token=" + token), "Bearer");
        refused(client.get().uri(PROTECTED).cookie("access_token", token), "Bearer");
        refused(client.get().uri(PROTECTED).header(HttpHeaders.AUTHORIZATION, token), "Bearer");
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = AUTH.token().split("\\.");
        String claims = TestAuthServer.validClaims().claim("roles", List.of("PLATFORM_ADMIN")).build().toString();
        String tampered = parts[0] + "." + base64Url(claims) + "." + parts[2];
        assertRefused(tampered);
    }

    @Test
    void anUnsecuredTokenIsRefused() {
        assertRefused(new PlainJWT(TestAuthServer.validClaims().build()).serialize());
        // the same with a header claiming ES256 and the real kid, but no signature
        String header = base64Url("{\"alg\":\"none\",\"kid\":\"" + AUTH.signingKey().getKeyID() + "\"}");
        assertRefused(header + "." + base64Url(TestAuthServer.validClaims().build().toString()) + ".");
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws JOSEException {
        ECKey publicKey = AUTH.signingKey().toPublicJWK();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publicKey.getKeyID()).build();
        JWTClaimsSet claims = TestAuthServer.validClaims().build();
        assertRefused(TestAuthServer.sign(header, claims,
                new MACSigner(publicKey.toJSONString().getBytes(StandardCharsets.UTF_8))));
        assertRefused(TestAuthServer.sign(header, claims, new MACSigner(publicKey.toECPublicKey().getEncoded())));
    }

    @Test
    void rs256IsRefusedEvenWithAPublishedKid() throws JOSEException {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID(AUTH.signingKey().getKeyID()).generate();
        assertRefused(TestAuthServer.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).build(),
                TestAuthServer.validClaims().build(), new RSASSASigner(rsa)));
    }

    @Test
    void aTokenSignedWithAnUnpublishedKeyIsRefused() {
        assertRefused(TestAuthServer.sign(TestAuthServer.newKey(), TestAuthServer.validClaims().build()));
    }

    @Test
    void expiryIsRequiredAndCheckedWith30SecondsOfSkew() {
        Instant now = Instant.now();
        Date issuedLongAgo = Date.from(now.minus(Duration.ofMinutes(16)));
        assertRefused(AUTH.token(claims -> claims.issueTime(issuedLongAgo).expirationTime(Date.from(now.minusSeconds(45)))));
        assertRefused(AUTH.token(claims -> claims.expirationTime(null)));
        assertRefused(AUTH.token(claims -> claims.notBeforeTime(Date.from(now.plusSeconds(60)))));
        assertRefused(AUTH.token(claims -> claims.issueTime(Date.from(now.plusSeconds(60)))));
        // within the skew: a clock a little behind or ahead of auth-service's
        assertAccepted(AUTH.token(claims -> claims.issueTime(issuedLongAgo).expirationTime(Date.from(now.minusSeconds(10)))));
        assertAccepted(AUTH.token(claims -> claims.notBeforeTime(Date.from(now.plusSeconds(10)))
                .issueTime(Date.from(now.plusSeconds(10)))));
    }

    @Test
    void issuerAndAudienceMustBeAuthServicesAndThePlatforms() {
        assertRefused(AUTH.token(claims -> claims.audience(List.of("another-platform"))));
        assertRefused(AUTH.token(claims -> claims.audience((String) null)));
        assertRefused(AUTH.token(claims -> claims.issuer("urop-auth-evil")));
        assertRefused(AUTH.token(claims -> claims.issuer(null)));
        assertAccepted(AUTH.token(claims -> claims.audience(List.of("another-platform", "urop"))));
    }

    @Test
    void subjectSessionRolesAndTenantAreRequired() {
        assertRefused(AUTH.token(claims -> claims.subject(null)));
        assertRefused(AUTH.token(claims -> claims.claim("sid", null)));
        assertRefused(AUTH.token(claims -> claims.claim("sid", 42)));
        assertRefused(AUTH.token(claims -> claims.claim("roles", null)));
        assertRefused(AUTH.token(claims -> claims.claim("roles", "OWNER")));
        assertRefused(AUTH.token(claims -> claims.claim("roles", List.of("OWNER", 7))));
        assertRefused(AUTH.token(claims -> claims.claim("tid", null)));
        assertRefused(AUTH.token(claims -> claims.claim("tid", "not-a-uuid")));
        // only platform admins and services act across tenants
        assertAccepted(AUTH.token(claims -> claims.claim("tid", null).claim("roles", List.of("PLATFORM_ADMIN"))));
        assertAccepted(AUTH.token(claims -> claims.claim("tid", null).claim("roles", List.of("SERVICE"))));
        assertAccepted(AUTH.token(claims -> claims.claim("tid", UUID.randomUUID().toString()).claim("roles", List.of("DINER"))));
    }

    @Test
    void onlyAccessTokenTypesAreAccepted() {
        ECKey key = AUTH.signingKey();
        JWTClaimsSet claims = TestAuthServer.validClaims().build();
        assertAccepted(sign(key, claims, null));
        assertAccepted(sign(key, claims, JOSEObjectType.JWT));
        assertRefused(sign(key, claims, new JOSEObjectType("dpop+jwt")));
        assertRefused(sign(key, claims, new JOSEObjectType("secevent+jwt")));
    }

    @Test
    void aKeyPublishedAfterStartupIsFetchedWhenATokenNamesIt() throws InterruptedException {
        assertAccepted(AUTH.token());
        ECKey rotated = TestAuthServer.newKey();
        AUTH.publish(rotated);
        String token = TestAuthServer.sign(rotated, TestAuthServer.validClaims().build());
        // at most two JWKS fetches per refetch interval (1 s here): another test may just have used them
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        HttpStatus status;
        do {
            status = HttpStatus.valueOf(client.get().uri(PROTECTED).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange().returnResult(Void.class).getStatus().value());
            if (status != HttpStatus.OK) {
                Thread.sleep(200);
            }
        }
        while (status != HttpStatus.OK && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPublicPathNeedsNoTokenAndIgnoresABadOne() {
        String echo = client.post().uri("/api/v1/auth/login").header("X-Forwarded-For", "192.0.2.200")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(echo, "$.service")).isEqualTo("auth-service");

        client.get().uri("/api/v1/public/locations/loc-1/menu").header(HttpHeaders.AUTHORIZATION, "Bearer garbage")
                .exchange().expectStatus().isOk();
        client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
        client.post().uri("/api/v1/signup").bodyValue("{}").exchange().expectStatus().isOk();
        client.post().uri("/api/v1/invitations/some-token/acceptance").bodyValue("{}").exchange().expectStatus().isOk();
        // the rest of tenant-service is not
        client.get().uri("/api/v1/tenants/42").exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/v1/tenants").bodyValue("{}").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anUnknownPathIs401WithoutATokenAnd404WithOne() {
        client.get().uri("/api/v1/nothing-here").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/nothing-here").header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTH.token()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void clientSuppliedInternalHeadersNeverReachAService() {
        String echo = client.get().uri(PROTECTED).header(HttpHeaders.AUTHORIZATION, "Bearer " + AUTH.token())
                .header("X-Urop-Tenant-Id", UUID.randomUUID().toString()).header("x-urop-roles", "PLATFORM_ADMIN")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<List<String>>read(echo, "$.uropHeaders")).isEmpty();

        String publicEcho = client.get().uri("/q/v1.abc").header("X-Urop-Tenant-Id", "x").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<List<String>>read(publicEcho, "$.uropHeaders")).isEmpty();
    }

    @Test
    void aPathThatCouldSlipPastAPublicPatternIsRefused() {
        String problem = client.get().uri("/api/v1/public/..;/orders/1").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://urop.io/problems/bad-request");
    }

    private void assertAccepted(String token) {
        client.get().uri(PROTECTED).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk();
    }

    private void assertRefused(String token) {
        String problem = refused(client.get().uri(PROTECTED).header(HttpHeaders.AUTHORIZATION, "Bearer " + token),
                "Bearer error=\"invalid_token\"");
        assertThat(JsonPath.<String>read(problem, "$.detail")).isEqualTo("The access token is invalid or has expired");
    }

    private static String refused(WebTestClient.RequestHeadersSpec<?> request, String challenge) {
        String problem = request.exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://urop.io/problems/unauthorized");
        assertThat(problem).doesNotContain("Exception", "at org.", "JWT", "Jwt");
        return problem;
    }

    private static String sign(ECKey key, JWTClaimsSet claims, JOSEObjectType type) {
        return TestAuthServer.sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(type).build(),
                claims, signer(key));
    }

    private static JWSSigner signer(ECKey key) {
        try {
            return new ECDSASigner(key);
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
