package io.urop.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service of the fleet promises, checked against the running service: health probes,
 * metrics, its OpenAPI document, problem+json for unknown paths, its migrations run by the owner
 * role, and an application role that row-level security confines. Each service extends this once.
 */
@ServiceIntegrationTest
public abstract class ServiceContract {

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected JdbcTemplate jdbc;

    @Value("${spring.application.name}")
    protected String service;

    @Value("${urop.db}")
    protected String database;

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
        http.get().uri("/api/v1/no-such-thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
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
}
