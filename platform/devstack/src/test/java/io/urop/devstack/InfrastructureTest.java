package io.urop.devstack;

import java.util.Map;

import io.urop.infra.PostgresServer;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureTest {

    @Test
    void externalServersAreUsedAsGivenAndTheDatabasesAreProvisionedOnThem() {
        try (PostgresServer external = PostgresServer.start(null);
             Infrastructure infrastructure = Infrastructure.start(Map.of(
                     "UROP_POSTGRES_URL", external.serverUrl(),
                     "UROP_POSTGRES_USER", external.superUser(),
                     "UROP_POSTGRES_PASSWORD", external.superPassword(),
                     "UROP_DB_APP_PASSWORD", "app-secret",
                     "UROP_KAFKA_BOOTSTRAP", "kafka.example:9092",
                     "UROP_REDIS_URL", "redis://redis.example:6379",
                     "UROP_S3_ENDPOINT", "https://s3.example",
                     "UROP_SMTP_HOST", "smtp.example",
                     "UROP_SMTP_PORT", "587"))) {

            assertThat(infrastructure.environment())
                    .containsEntry("UROP_POSTGRES_URL", external.serverUrl())
                    .containsEntry("UROP_KAFKA_BOOTSTRAP", "kafka.example:9092")
                    .containsEntry("UROP_REDIS_URL", "redis://redis.example:6379")
                    .containsEntry("UROP_CACHE_REDIS_URL", "")
                    .containsEntry("UROP_S3_ENDPOINT", "https://s3.example")
                    .containsEntry("UROP_SMTP_HOST", "smtp.example")
                    .containsEntry("UROP_SMTP_PORT", "587")
                    .containsEntry("UROP_DB_APP_PASSWORD", "app-secret");
            assertThat(infrastructure.describe()).doesNotContain("(embedded)");

            infrastructure.provisionDatabases();

            JdbcTemplate server = new JdbcTemplate(external.adminDataSource("postgres"));
            assertThat(server.queryForList("select datname from pg_database", String.class))
                    .contains("auth", "tenant", "menu", "qr", "orders", "payment", "notification");
            assertThat(server.queryForList("select rolname from pg_roles where rolname like '%\\_app'", String.class))
                    .contains("tenant_app", "orders_app");
        }
    }

    @Test
    void whatIsNotGivenIsEmbedded() {
        try (Infrastructure infrastructure = Infrastructure.start(Map.of("UROP_KAFKA_BOOTSTRAP", "kafka.example:9092",
                "UROP_POSTGRES_URL", "jdbc:postgresql://db.example:5432"))) {
            assertThat(infrastructure.environment().get("UROP_REDIS_URL")).startsWith("redis://127.0.0.1:");
            assertThat(infrastructure.environment().get("UROP_CACHE_REDIS_URL")).startsWith("redis://127.0.0.1:")
                    .as("the cache evicts, apart from the state that must not be lost")
                    .isNotEqualTo(infrastructure.environment().get("UROP_REDIS_URL"));
            assertThat(infrastructure.environment().get("UROP_S3_ENDPOINT")).startsWith("http://127.0.0.1:");
            assertThat(infrastructure.environment().get("UROP_SMTP_HOST")).isEqualTo("127.0.0.1");
        }
    }
}
