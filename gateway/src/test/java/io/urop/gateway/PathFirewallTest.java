package io.urop.gateway;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.urop.test.http.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths written to look like a routed one yet resolve, somewhere down the line, to a service's {@code /internal/**}
 * or an actuator endpoint: each answers a clean 4xx at the public port and reaches no service, with a valid token
 * and without one. Sent over a plain socket, byte for byte.
 */
class PathFirewallTest extends GatewayIntegrationTest {

    static Stream<Arguments> disguisedPaths() {
        return Stream.of(
                Arguments.of("encoded dots", "/%2e%2e/internal/v1/diner-tokens"),
                Arguments.of("encoded dots after a route", "/api/v1/menus/%2e%2e/%2E%2E/internal/v1/diner-tokens"),
                Arguments.of("dot-dot-semicolon", "/api/v1/menus/..;/../internal/v1/diner-tokens"),
                Arguments.of("dot-dot", "/api/v1/menus/../../internal/v1/diner-tokens"),
                Arguments.of("double slash", "//internal/v1/diner-tokens"),
                Arguments.of("double slash after a route", "/api/v1/menus//..//internal/v1/diner-tokens"),
                Arguments.of("encoded slashes", "/api%2F..%2Finternal/v1/diner-tokens"),
                Arguments.of("encoded slash in a route", "/api/v1/menus/..%2F..%2F..%2Finternal/v1/diner-tokens"),
                Arguments.of("encoded slash after internal", "/internal%2fv1/diner-tokens"),
                Arguments.of("double encoding", "/api/v1/menus/%252e%252e/%252e%252e/internal/v1/diner-tokens"),
                Arguments.of("backslashes", "/api/v1/menus/..\\..\\..\\internal/v1/diner-tokens"),
                Arguments.of("encoded backslashes", "/api/v1/menus/..%5c..%5c..%5cinternal/v1/diner-tokens"),
                Arguments.of("matrix parameter", "/api/v1/menus;jsessionid=x/../../internal/v1/diner-tokens"),
                Arguments.of("matrix parameter on internal", "/internal;jsessionid=x/v1/diner-tokens"),
                Arguments.of("null byte", "/api/v1/menus/%00/../../internal/v1/diner-tokens"),
                Arguments.of("actuator by dot-dot-semicolon", "/api/v1/menus/..;/../../actuator/env"),
                Arguments.of("actuator by encoded dots", "/api/v1/public/%2e%2e/%2e%2e/%2e%2e/actuator/env"),
                Arguments.of("actuator by double slash", "//actuator/prometheus"),
                Arguments.of("actuator by matrix parameter", "/actuator;x=y/env"),
                Arguments.of("actuator by encoded slash", "/q/..%2F..%2Factuator%2Fheapdump"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("disguisedPaths")
    void aDisguisedPathIsAClean4xxWithATokenAndWithout(String form, String path) throws IOException {
        assertClean4xx(RawHttp.get(port, path, Map.of()));
        assertClean4xx(RawHttp.get(port, path, Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + TestFleet.AUTH.token())));
    }

    @Test
    void anOverLongPathIsRefusedBeforeAnyRouting() throws IOException {
        String path = "/api/v1/menus/" + "a".repeat(10 * 1024) + "/../../internal/v1/diner-tokens";
        RawHttp.Answer answer = RawHttp.get(port, path, Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + TestFleet.AUTH.token()));
        assertThat(answer.status()).isIn(400, 414, 431);
        assertThat(answer.body()).doesNotContain("Exception", "at io.", "at org.");
    }

    @Test
    void anOverLongHeaderIsRefusedBeforeAnyRouting() throws IOException {
        String path = "/api/v1/menus/" + UUID.randomUUID();
        RawHttp.Answer answer = RawHttp.get(port, path,
                Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + TestFleet.AUTH.token(), "X-Padding", "p".repeat(64 * 1024)));
        assertThat(answer.status()).isIn(400, 431);
        assertThat(answer.body()).doesNotContain("Exception", "at io.", "at org.");
        assertThat(TestFleet.backend("menu-service").received()).doesNotContain("GET " + path);
    }

    @AfterAll
    static void noServiceWasReachedOnAnInternalOrActuatorPath() {
        TestFleet.SERVICES.forEach(service -> assertThat(TestFleet.backend(service).received()).as(service)
                .allSatisfy(request -> assertThat(decoded(request)).doesNotContain("internal").doesNotContain("actuator")));
    }

    private static void assertClean4xx(RawHttp.Answer answer) {
        assertThat(answer.status()).isIn(400, 401, 404, 414, 431);
        assertThat(answer.body()).doesNotContain("Exception", "at io.", "at org.", "for services");
        // an empty answer comes from the HTTP server itself (a request line it cannot parse, or too long)
        if (!answer.body().isEmpty()) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    private static String decoded(String request) {
        String path = request.toLowerCase(Locale.ROOT);
        for (int i = 0; i < 3; i++) {
            path = URLDecoder.decode(path.replace("+", "%2b"), StandardCharsets.UTF_8);
        }
        return path;
    }
}
