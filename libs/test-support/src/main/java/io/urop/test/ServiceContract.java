package io.urop.test;

import java.util.UUID;
import java.util.stream.Stream;

import io.urop.contracts.Role;
import io.urop.test.tokens.TestTokens;
import io.urop.test.tokens.TokenIssuer;
import io.urop.web.Problems;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service of the fleet promises, checked against the running service: health probes,
 * metrics, its OpenAPI document, problem+json for unknown paths, access tokens verified by the service
 * itself (every refused one a 401 problem), its migrations run by the owner role, and an application
 * role that row-level security confines. Each service extends this once.
 */
@ServiceIntegrationTest
public abstract class ServiceContract {

    /** No service serves it: past security, a 404; before, a 401. */
    private static final String PROTECTED_PATH = "/api/v1/no-such-thing";

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected JdbcTemplate jdbc;

    @Value("${spring.application.name}")
    protected String service;

    @Value("${urop.db}")
    protected String database;

    /**
     * Mints the tokens this contract sends: the test JVM's issuer ({@link TestTokens#issuer()}), whose
     * JWKS {@link InfrastructureInitializer} points the service at. auth-service overrides it to sign with
     * its own key ring.
     */
    protected TokenIssuer tokens() {
        return TestTokens.issuer();
    }

    @Test
    void livenessAndReadinessProbesAreUp() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            http.get().uri(probe).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void prometheusMetricsAreTaggedWithTheService() {
        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("application=\"" + service + "\"");
    }

    @Test
    void theOpenApiDocumentIsServed() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").exists().jsonPath("$.info.title").isEqualTo(service);
    }

    @Test
    void anUnknownPathIsAProblemNotAPage() {
        http.get().uri(PROTECTED_PATH).header(HttpHeaders.AUTHORIZATION, bearer(validToken())).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void withoutATokenAnApiPathIsUnauthorized() {
        expectUnauthorized(http.get().uri(PROTECTED_PATH).exchange(), "Bearer");
    }

    /** Each token the service must refuse, on a path where a valid token gets past security (a 404). */
    @TestFactory
    Stream<DynamicTest> everyRefusedTokenIsUnauthorized() {
        Stream<DynamicTest> control = Stream.of(DynamicTest.dynamicTest("a valid token passes (control)",
                () -> http.get().uri(PROTECTED_PATH).header(HttpHeaders.AUTHORIZATION, bearer(validToken())).exchange()
                        .expectStatus().isNotFound()));
        Stream<DynamicTest> refused = tokens().refusedTokens().stream().map(token -> DynamicTest.dynamicTest(token.why(),
                () -> expectUnauthorized(http.get().uri(PROTECTED_PATH)
                        .header(HttpHeaders.AUTHORIZATION, bearer(token.token())).exchange(),
                        "Bearer error=\"invalid_token\"")));
        return Stream.concat(control, refused);
    }

    @Test
    void probesMetricsAndApiDocsNeedNoTokenAndIgnoreABadOne() {
        for (String path : new String[] {"/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/prometheus", "/v3/api-docs"}) {
            http.get().uri(path).exchange().expectStatus().isOk();
            http.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(tokens().user(UUID.randomUUID(), Role.OWNER)
                    .expired().sign())).exchange().expectStatus().isOk();
        }
    }

    @Test
    void migrationsRanAsTheOwnerRole() {
        assertThat(jdbc.queryForList("select distinct installed_by from flyway_schema_history", String.class))
                .containsExactly(database + "_owner");
        assertThat(jdbc.queryForObject("select bool_and(success) from flyway_schema_history", Boolean.class)).isTrue();
        assertThat(jdbc.queryForList("select version from flyway_schema_history where version is not null", String.class))
                .contains("0.1");
    }

    @Test
    void theApplicationRoleIsConfinedByRowLevelSecurity() {
        DatabaseCatalog.assertApplicationRoleIsConfined(jdbc, database + "_app");
    }

    @Test
    void overOneConnectionAlternatingTenantsNeverSeeEachOthersRows(@Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username}") String role, @Value("${spring.datasource.password}") String password) {
        TenantIsolation.assertTenantsNeverLeak(url, role, password, Databases.asSuperuser(database));
    }

    private String validToken() {
        return tokens().user(UUID.randomUUID(), Role.OWNER).sign();
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static void expectUnauthorized(RestTestClient.ResponseSpec response, String challenge) {
        response.expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .expectBody().jsonPath("$.type").isEqualTo(Problems.UNAUTHORIZED.toString());
    }
}
