package io.urop.security.testapp;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.ECKey;
import io.urop.security.TestTokens;
import io.urop.test.http.JwksServer;
import io.urop.test.http.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's own web security against paths written to reach {@code /internal/**} or an actuator endpoint by
 * looking like something else (a public path, a longer path that normalises away): each answers a clean 4xx, with
 * an ordinary staff token and without one, and the internal endpoint never runs. Sent over a plain socket, byte for
 * byte, to the real Tomcat: what Tomcat itself refuses (an encoded slash, a backslash, a path above the root) is its
 * bare 400 page, the rest Spring Security's firewall answers as a problem.
 */
@SpringBootTest(classes = ProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "urop.security.public-paths=/public/**",
                // an endpoint no anonymous caller may read, to aim at
                "management.endpoints.web.exposure.include=health,info,env",
        })
class PathFirewallTest {

    static final ECKey KEY = TestTokens.newKey("k1");
    static final JwksServer JWKS = JwksServer.serving(KEY);

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

    @BeforeEach
    void noInternalCallYet() {
        ProbeApplication.ProbeController.INTERNAL_CALLS.set(0);
    }

    static Stream<Arguments> disguisedPaths() {
        return Stream.of(
                Arguments.of("encoded dots", "/%2e%2e/internal/probe"),
                Arguments.of("encoded dots after a public path", "/public/%2e%2e/internal/probe"),
                Arguments.of("dot-dot-semicolon", "/api/v1/menus/..;/../internal/probe"),
                Arguments.of("dot-dot-semicolon after a public path", "/public/..;/internal/probe"),
                Arguments.of("dot-dot", "/public/../internal/probe"),
                Arguments.of("double slash", "//internal/probe"),
                Arguments.of("double slash inside", "/internal//probe"),
                Arguments.of("encoded slashes", "/api%2F..%2Finternal/probe"),
                Arguments.of("encoded slash after internal", "/internal%2fprobe"),
                Arguments.of("double encoding", "/public/%252e%252e/internal/probe"),
                Arguments.of("backslashes", "/public/..\\internal/probe"),
                Arguments.of("encoded backslashes", "/public/..%5cinternal/probe"),
                Arguments.of("matrix parameter", "/internal;jsessionid=x/probe"),
                Arguments.of("matrix parameter on a public path", "/public;jsessionid=x/../internal/probe"),
                Arguments.of("null byte", "/public/%00/../internal/probe"),
                Arguments.of("actuator riding a public health path", "/actuator/health/..;/env"),
                Arguments.of("actuator by encoded dots", "/actuator/health/%2e%2e/env"),
                Arguments.of("actuator by encoded slash", "/actuator/health/..%2fenv"),
                Arguments.of("actuator by double slash", "//actuator/env"),
                Arguments.of("actuator by matrix parameter", "/actuator;x=y/env"),
                Arguments.of("actuator riding the API docs", "/v3/api-docs/..;/../actuator/env"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("disguisedPaths")
    void aDisguisedPathIsAClean4xxWithAStaffTokenAndWithout(String form, String path) throws IOException {
        String staff = TestTokens.sign(KEY, TestTokens.claims(UUID.randomUUID(), "OWNER"));
        assertClean4xx(RawHttp.get(port, path, Map.of()));
        assertClean4xx(RawHttp.get(port, path, Map.of("Authorization", "Bearer " + staff)));
        assertThat(ProbeApplication.ProbeController.INTERNAL_CALLS).hasValue(0);
    }

    @Test
    void anOverLongPathIsAClean4xx() throws IOException {
        String path = "/public/" + "a".repeat(10 * 1024) + "/../../internal/probe";
        RawHttp.Answer answer = RawHttp.get(port, path, Map.of());
        assertThat(answer.status()).isIn(400, 414, 431);
        assertThat(answer.body()).doesNotContain("Exception", "at io.", "at org.");
        assertThat(ProbeApplication.ProbeController.INTERNAL_CALLS).hasValue(0);
    }

    @Test
    void anOverLongHeaderIsAClean4xx() throws IOException {
        RawHttp.Answer answer = RawHttp.get(port, "/internal/probe", Map.of("X-Padding", "p".repeat(64 * 1024)));
        assertThat(answer.status()).isIn(400, 431);
        assertThat(answer.body()).doesNotContain("Exception", "at io.", "at org.");
        assertThat(ProbeApplication.ProbeController.INTERNAL_CALLS).hasValue(0);
    }

    @Test
    void theInternalEndpointAndTheActuatorAreThereToBeMissed() throws IOException {
        String service = TestTokens.sign(KEY, TestTokens.claims(null, "SERVICE"));
        assertThat(RawHttp.get(port, "/internal/probe", Map.of("Authorization", "Bearer " + service)).status())
                .isEqualTo(200);
        assertThat(ProbeApplication.ProbeController.INTERNAL_CALLS).hasValue(1);
        assertThat(RawHttp.get(port, "/actuator/env", Map.of()).status()).isEqualTo(401);
    }

    private static void assertClean4xx(RawHttp.Answer answer) {
        assertThat(answer.status()).isIn(400, 401, 404);
        assertThat(answer.body()).doesNotContain("Exception", "at io.", "at org.", "Tomcat/", "for services",
                "propertySources");
        if (!answer.contentType().startsWith("text/html")) {
            // answered by the application, not refused by Tomcat before it: a problem like every other error
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }
}
