package io.urop.devstack;

import java.util.Map;

import io.urop.infra.PostgresServer;
import io.urop.sms.capture.SmsCapture;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureTest {

    @Test
    void externalServersAreUsedAsGivenAndTheDatabasesAreProvisionedOnThem() {
        try (PostgresServer external = PostgresServer.start(null);
             Infrastructure infrastructure = Infrastructure.start(Map.ofEntries(
                     Map.entry("UROP_POSTGRES_URL", external.serverUrl()),
                     Map.entry("UROP_POSTGRES_USER", external.superUser()),
                     Map.entry("UROP_POSTGRES_PASSWORD", external.superPassword()),
                     Map.entry("UROP_DB_APP_PASSWORD", "app-secret"),
                     Map.entry("UROP_KAFKA_BOOTSTRAP", "kafka.example:9092"),
                     Map.entry("UROP_REDIS_URL", "redis://redis.example:6379"),
                     Map.entry("UROP_S3_ENDPOINT", "https://s3.example"),
                     Map.entry("UROP_SMTP_HOST", "smtp.example"),
                     Map.entry("UROP_SMTP_PORT", "587"),
                     Map.entry("STRIPE_API_KEY", "sk_test_given"),
                     Map.entry("STRIPE_WEBHOOK_SECRETS", "whsec_given"),
                     Map.entry("UROP_SMS_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef"),
                     Map.entry("UROP_SMS_AUTH_TOKEN", "twilio-secret"),
                     Map.entry("UROP_SMS_FROM", "+33700000000")))) {

            assertThat(infrastructure.environment())
                    .containsEntry("UROP_POSTGRES_URL", external.serverUrl())
                    .containsEntry("UROP_KAFKA_BOOTSTRAP", "kafka.example:9092")
                    .containsEntry("UROP_REDIS_URL", "redis://redis.example:6379")
                    .containsEntry("UROP_CACHE_REDIS_URL", "")
                    .containsEntry("UROP_S3_ENDPOINT", "https://s3.example")
                    .containsEntry("UROP_SMTP_HOST", "smtp.example")
                    .containsEntry("UROP_SMTP_PORT", "587")
                    .containsEntry("UROP_DB_APP_PASSWORD", "app-secret")
                    .containsEntry("STRIPE_API_KEY", "sk_test_given")
                    .containsEntry("UROP_STRIPE_API_BASE", "")
                    .containsEntry("STRIPE_WEBHOOK_SECRETS", "whsec_given")
                    .containsEntry("UROP_SMS_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef")
                    .containsEntry("UROP_SMS_AUTH_TOKEN", "twilio-secret")
                    .containsEntry("UROP_SMS_FROM", "+33700000000")
                    .containsEntry("UROP_SMS_API_BASE", "")
                    .doesNotContainKey("UROP_EMAIL_BOUNCES_ADDRESS");
            assertThat(infrastructure.stripe()).as("Stripe itself, in test mode").isEmpty();
            assertThat(infrastructure.sms()).as("Twilio itself").isEmpty();
            assertThat(infrastructure.describe()).doesNotContain("(embedded)").doesNotContain("emulator")
                    .doesNotContain("captured");

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
            assertThat(infrastructure.environment())
                    .containsEntry("UROP_EMAIL_BOUNCES_ADDRESS", Infrastructure.BOUNCES)
                    .containsEntry("UROP_EMAIL_BOUNCES_IMAP_PORT",
                            Integer.toString(infrastructure.smtp().orElseThrow().imapPort()));
            assertThat(infrastructure.environment().get("UROP_STRIPE_API_BASE")).startsWith("http://127.0.0.1:")
                    .isEqualTo(infrastructure.stripe().orElseThrow().baseUrl());
            assertThat(infrastructure.environment().get("STRIPE_API_KEY"))
                    .isEqualTo(infrastructure.stripe().orElseThrow().apiKey());
            assertThat(infrastructure.environment()).containsEntry("STRIPE_WEBHOOK_SECRETS",
                    Infrastructure.EMULATOR_WEBHOOK_SECRET);
            SmsCapture sms = infrastructure.sms().orElseThrow();
            assertThat(infrastructure.environment())
                    .containsEntry("UROP_SMS_API_BASE", sms.baseUrl().toString())
                    .containsEntry("UROP_SMS_ACCOUNT_SID", sms.accountSid())
                    .containsEntry("UROP_SMS_AUTH_TOKEN", sms.authToken());
            assertThat(infrastructure.describe()).contains(sms.messagesUrl().toString());
        }
    }
}
