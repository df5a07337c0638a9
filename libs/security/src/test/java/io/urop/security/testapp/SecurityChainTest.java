package io.urop.security.testapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.urop.security.TestTokens;
import io.urop.test.http.JwksServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole chain over real HTTP: real tokens signed by keys made here, served by a real JWKS
 * endpoint; nothing of the security chain is mocked. One Tomcat worker thread, so consecutive
 * requests run on the same thread and a tenant left behind would show.
 */
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "urop.security.public-paths=/public/**",
                // refetch on every unknown kid here; the rate limit itself is AccessTokenVerifierTest's
                "urop.security.jwks-refetch-interval=1ms",
                "server.tomcat.threads.max=1",
                "server.tomcat.threads.min-spare=1",
                // no actuator endpoint over the web here (PathFirewallTest aims at some)
                "management.endpoints.web.exposure.exclude=*",
                // why a token was refused is only logged: the tests read it there
                "logging.level.io.urop.security.AccessTokenAuthenticationManager=DEBUG",
        })
@ExtendWith(OutputCaptureExtension.class)
class SecurityChainTest {

    static final ECKey KEY = TestTokens.newKey("k1");
    static final JwksServer JWKS = JwksServer.serving(KEY);
    static final UUID TENANT = UUID.randomUUID();

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.shared();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("urop.security.jwks-uri", () -> JWKS.uri().toString());
    }

    @AfterAll
    static void stopJwks() {
        JWKS.close();
    }

    @Test
    void aValidTokenPassesAndItsTenantIsBoundForTheRequestOnly() throws Exception {
        String token = TestTokens.sign(KEY, TestTokens.claims(TENANT, "OWNER").subject("ada").claim("sid", "s-1"));

        HttpResponse<String> me = get("/api/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.path("subject").asString()).isEqualTo("ada");
        assertThat(body.path("tenant").asString()).isEqualTo(TENANT.toString());
        assertThat(body.path("contextTenant").asString()).isEqualTo(TENANT.toString());
        assertThat(body.path("session").asString()).isEqualTo("s-1");

        // stateless bearer API: no CSRF token needed for a write
        HttpResponse<String> post = send(HttpRequest.newBuilder(url("/api/me"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.headers().firstValue("Set-Cookie")).isEmpty();

        // the next request on the same (only) worker thread, without a token, sees no tenant
        HttpResponse<String> after = get("/public/tenant", null);
        assertThat(after.statusCode()).isEqualTo(200);
        JsonNode afterBody = JSON.readTree(after.body());
        assertThat(afterBody.path("thread").asString()).isEqualTo(body.path("thread").asString());
        assertThat(afterBody.path("contextTenant").isNull()).isTrue();
    }

    @Test
    void noTokenIsUnauthorized() throws Exception {
        HttpResponse<String> response = get("/api/me", null);
        assertUnauthorized(response, "Bearer");
        // an unknown path is not told apart from a protected one
        assertUnauthorized(get("/api/nothing-here", null), "Bearer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void refusedTokensAreUnauthorized(String why, String token, String reason, CapturedOutput log) throws Exception {
        int logged = log.getOut().length();
        assertUnauthorized(get("/api/me", token), "Bearer error=\"invalid_token\"");
        assertThat(log.getOut().substring(logged)).contains("Access token refused: ").contains(reason);
    }

    static Stream<Arguments> refusedTokens() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet valid = TestTokens.claims(TENANT, "OWNER").build();
        String token = TestTokens.sign(KEY, valid);
        String[] parts = token.split("\\.");
        String otherTenant = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new JWTClaimsSet.Builder(valid).claim("tid", UUID.randomUUID().toString()).build().toString()
                        .getBytes(StandardCharsets.UTF_8));
        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';

        String unknownAlgorithmOrKey = "Another algorithm expected, or no matching key(s) found";
        return Stream.of(
                Arguments.of("tampered payload", parts[0] + "." + otherTenant + "." + parts[2], "Invalid signature"),
                Arguments.of("tampered signature", parts[0] + "." + parts[1] + "." + new String(signature),
                        "Invalid signature"),
                Arguments.of("alg none", new PlainJWT(valid).serialize(), "Unsecured (plain) JWTs are rejected"),
                Arguments.of("HS256 keyed with the public key", hs256WithPublicKey(valid), unknownAlgorithmOrKey),
                Arguments.of("RS256", rs256(valid), unknownAlgorithmOrKey),
                Arguments.of("expired beyond the skew", TestTokens.sign(KEY, TestTokens.claims(TENANT, "OWNER")
                        .issueTime(Date.from(now.minusSeconds(1000))).expirationTime(Date.from(now.minusSeconds(100)))),
                        "Expired JWT"),
                Arguments.of("no exp", TestTokens.sign(KEY, TestTokens.claims(TENANT, "OWNER").expirationTime(null)),
                        "JWT missing required claims: [exp]"),
                Arguments.of("wrong aud", TestTokens.sign(KEY, TestTokens.claims(TENANT, "OWNER").audience("billing")),
                        "JWT audience rejected"),
                Arguments.of("wrong iss", TestTokens.sign(KEY, TestTokens.claims(TENANT, "OWNER").issuer("evil")),
                        "JWT iss claim has value evil"),
                Arguments.of("no tid", TestTokens.sign(KEY, TestTokens.claims(null, "OWNER")), "tid is missing"),
                Arguments.of("malformed loc", TestTokens.sign(KEY, TestTokens.claims(TENANT, "STAFF").claim("loc", "all")),
                        "loc is not a non-empty array"),
                Arguments.of("not a JWT", "not-a-token", "malformed token"));
    }

    @Test
    void anUnknownKidIsRefusedEvenAfterTheJwksIsFetchedAgain(CapturedOutput log) throws Exception {
        assertThat(get("/api/me", TestTokens.sign(KEY, TestTokens.claims(TENANT, "OWNER"))).statusCode()).isEqualTo(200);
        int fetches = JWKS.fetches();

        String ghost = TestTokens.sign(TestTokens.newKey("ghost"), TestTokens.claims(TENANT, "OWNER"));
        int logged = log.getOut().length();
        assertUnauthorized(get("/api/me", ghost), "Bearer error=\"invalid_token\"");
        assertThat(JWKS.fetches()).isGreaterThan(fetches);
        assertThat(log.getOut().substring(logged)).contains("no matching key(s) found");
    }

    @Test
    void aKeyRotatedInIsAcceptedAtOnce() throws Exception {
        assertThat(get("/api/me", TestTokens.sign(KEY, TestTokens.claims(TENANT, "OWNER"))).statusCode()).isEqualTo(200);
        ECKey rotated = TestTokens.newKey("k2-" + UUID.randomUUID());
        JWKS.publish(rotated);

        HttpResponse<String> response = get("/api/me", TestTokens.sign(rotated, TestTokens.claims(TENANT, "STAFF")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("contextTenant").asString()).isEqualTo(TENANT.toString());
    }

    @Test
    void aServiceTokenWithoutATenantPassesAndBindsNone() throws Exception {
        HttpResponse<String> response = get("/api/me", TestTokens.sign(KEY, TestTokens.claims(null, "SERVICE")
                .subject("order-service")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("subject").asString()).isEqualTo("order-service");
        assertThat(body.path("roles").get(0).asString()).isEqualTo("SERVICE");
        assertThat(body.path("tenant").isNull()).isTrue();
        assertThat(body.path("contextTenant").isNull()).isTrue();
    }

    @Test
    void internalPathsAreForServicesOnly() throws Exception {
        assertThat(get("/internal/probe", TestTokens.sign(KEY, TestTokens.claims(null, "SERVICE").subject("qr-service")))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> owner = get("/internal/probe", TestTokens.sign(KEY, TestTokens.claims(TENANT, "OWNER")));
        assertThat(owner.statusCode()).isEqualTo(403);
        assertThat(owner.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(get("/internal/probe", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenLimitedToSomeLocationsReachesOnlyThose() throws Exception {
        UUID here = UUID.randomUUID();
        String limited = TestTokens.sign(KEY, TestTokens.claims(TENANT, "STAFF").claim("loc", List.of(here.toString())));
        String unlimited = TestTokens.sign(KEY, TestTokens.claims(TENANT, "MANAGER"));

        assertThat(JSON.readTree(get("/api/me", limited).body()).path("locations").get(0).asString())
                .isEqualTo(here.toString());
        assertThat(get("/api/locations/" + here, limited).statusCode()).isEqualTo(200);
        HttpResponse<String> elsewhere = get("/api/locations/" + UUID.randomUUID(), limited);
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/api/locations/" + UUID.randomUUID(), unlimited).statusCode()).isEqualTo(200);
    }

    @Test
    void rolesAreCheckedWithForbiddenProblems() throws Exception {
        assertThat(get("/api/owner-only", TestTokens.sign(KEY, TestTokens.claims(TENANT, "OWNER"))).statusCode())
                .isEqualTo(200);

        HttpResponse<String> response = get("/api/owner-only", TestTokens.sign(KEY, TestTokens.claims(TENANT, "STAFF")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://urop.io/problems/forbidden");
        assertThat(problem.path("status").asInt()).isEqualTo(403);
    }

    @Test
    void publicPathsNeedNoTokenAndIgnoreOne() throws Exception {
        HttpResponse<String> response = get("/public/tenant", null);
        assertThat(response.statusCode()).isEqualTo(200);

        // a stale token does not turn a public path into a 401, nor does any token bind a tenant there
        HttpResponse<String> withStaleToken = get("/public/tenant", "not-a-token");
        assertThat(withStaleToken.statusCode()).isEqualTo(200);
        HttpResponse<String> withToken = get("/public/tenant", TestTokens.sign(KEY, TestTokens.claims(TENANT, "OWNER")));
        assertThat(JSON.readTree(withToken.body()).path("contextTenant").isNull()).isTrue();

        // always public: passes security (no actuator endpoint exposed in this app, so MVC answers 404, not 401)
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(404);
        assertThat(get("/v3/api-docs/anything", null).statusCode()).isEqualTo(404);

        // Spring Security 7 serves RFC 9728 metadata; it must not claim certificate-bound tokens
        HttpResponse<String> metadata = get("/.well-known/oauth-protected-resource", null);
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(metadata.body()).path("tls_client_certificate_bound_access_tokens").asBoolean()).isFalse();
    }

    private static void assertUnauthorized(HttpResponse<String> response, String challenge) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(challenge);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://urop.io/problems/unauthorized");
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        if (challenge.contains("invalid_token")) {
            assertThat(problem.path("detail").asString()).isEqualTo("invalid or expired token");
        }
    }

    private static String hs256WithPublicKey(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(), claims);
        jwt.sign(new MACSigner(KEY.toECPublicKey().getEncoded()));
        return jwt.serialize();
    }

    private static String rs256(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        return jwt.serialize();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
