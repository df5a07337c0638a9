package io.urop.tenant.onboarding;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.urop.events.EventCodec;
import io.urop.events.EventEnvelope;
import io.urop.events.tenant.TenantCreated;
import io.urop.tenancy.TenantContext;
import io.urop.test.Databases;
import io.urop.test.ServiceIntegrationTest;
import io.urop.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class OnboardingTest {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    EventCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    final JdbcTemplate superuser = Databases.asSuperuser("tenant");

    @Test
    void aNewTenantIsStoredAndAnnouncedExactlyOnce() {
        Map<String, Object> created = http.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "  Chez Nous ", "slug", "chez-nous", "currency", "EUR", "timeZone", "Europe/Paris"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/tenants/[0-9a-f-]{36}")
                .returnResult(new ParameterizedTypeReference<Map<String, Object>>() {
                }).getResponseBody();
        UUID id = UUID.fromString((String) created.get("id"));
        assertThat(created).containsEntry("name", "Chez Nous").containsEntry("slug", "chez-nous");
        assertThat(id.version()).isEqualTo(7);

        assertThat(superuser.queryForObject("select name from tenants where id = ?", String.class, id)).isEqualTo("Chez Nous");

        List<ConsumerRecord<String, String>> announced = TopicReader.await(kafka, "tenant.events",
                r -> id.toString().equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(announced).hasSize(1);
        EventEnvelope envelope = codec.decode(announced.get(0).value());
        assertThat(envelope.type()).isEqualTo("tenant.created");
        assertThat(envelope.tenantId()).isEqualTo(id);
        assertThat(codec.payload(envelope, TenantCreated.class))
                .isEqualTo(new TenantCreated(id, "chez-nous", "Chez Nous", "EUR", "Europe/Paris"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(superuser.queryForObject(
                "select published_at is not null from outbox where event_id = ?", Boolean.class, envelope.eventId())).isTrue());
    }

    @Test
    void badInputIsRefusedWithTheFieldsAndWritesNothing() {
        long tenantsBefore = count("tenants");
        long eventsBefore = count("outbox");

        http.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", " ", "slug", "Not A Slug!", "currency", "EURO", "timeZone", "Mars/Olympus"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://urop.io/problems/validation")
                .jsonPath("$.errors[*].field").isEqualTo(List.of("currency", "name", "slug", "timeZone"));
        http.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).body("{\"name\": \"Half")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://urop.io/problems/malformed-request");
        http.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).body("{}")
                .exchange()
                .expectStatus().isBadRequest();

        assertThat(count("tenants")).isEqualTo(tenantsBefore);
        assertThat(count("outbox")).isEqualTo(eventsBefore);
    }

    @Test
    void aTakenSlugIsAConflictAndAnnouncesNothing() {
        Map<String, String> request = Map.of("name", "Le Zinc", "slug", "le-zinc", "currency", "EUR", "timeZone", "Europe/Paris");
        http.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).body(request).exchange()
                .expectStatus().isCreated();
        long eventsBefore = count("outbox");

        http.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).body(request).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://urop.io/problems/conflict");

        assertThat(count("outbox")).isEqualTo(eventsBefore);
        assertThat(superuser.queryForObject("select count(*) from tenants where slug = 'le-zinc'", Long.class)).isOne();
    }

    @Test
    void aTenantRowIsVisibleOnlyWithinItsOwnScope() {
        UUID id = UUID.fromString((String) http.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Osteria", "slug", "osteria", "currency", "EUR", "timeZone", "Europe/Rome"))
                .exchange().expectStatus().isCreated()
                .returnResult(Map.class).getResponseBody().get("id"));

        assertThat(visibleTenants(id)).containsExactly(id);
        assertThat(visibleTenants(UUID.randomUUID())).isEmpty();
        assertThat(visibleTenants(null)).isEmpty();
    }

    private List<UUID> visibleTenants(UUID boundTenant) {
        return TenantContext.callAs(boundTenant,
                () -> transaction.execute(status -> jdbc.queryForList("select id from tenants", UUID.class)));
    }

    private long count(String table) {
        return superuser.queryForObject("select count(*) from " + table, Long.class);
    }
}
