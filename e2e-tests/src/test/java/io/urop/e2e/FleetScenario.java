package io.urop.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.urop.devstack.Checkout;
import io.urop.devstack.Fleet;
import io.urop.devstack.Member;
import io.urop.events.EventCodec;
import io.urop.events.EventEnvelope;
import io.urop.events.tenant.TenantCreated;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fleet as devstack runs it, each service its own JVM, driven through the gateway only;
 * databases are looked at from outside, as an operator would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetScenario {

    private static Fleet fleet;
    private static Gateway gateway;
    private static JdbcTemplate tenantDb;
    private static JdbcTemplate authDb;

    @BeforeAll
    static void startFleet() {
        fleet = Fleet.start(Checkout.locate(), Map.of(), System.out);
        gateway = new Gateway(fleet.gateway());
        tenantDb = new JdbcTemplate(fleet.infrastructure().adminDataSource("tenant"));
        authDb = new JdbcTemplate(fleet.infrastructure().adminDataSource("auth"));
        System.out.println(fleet.describe());
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceIsRegisteredInEurekaAndReady() {
        JsonNode apps = Gateway.getJson(fleet.url(Member.DISCOVERY_SERVER).resolve("/eureka/apps")).json();
        List<String> up = new ArrayList<>();
        apps.path("applications").path("application").forEach(app -> app.path("instance").forEach(instance -> {
            if ("UP".equals(instance.path("status").asString())) {
                up.add(app.path("name").asString().toLowerCase());
            }
        }));
        List<String> expected = new ArrayList<>(Member.services().stream().map(Member::id).toList());
        expected.add(Member.GATEWAY.id());
        assertThat(up).containsAll(expected);
        for (Member member : Member.values()) {
            assertThat(fleet.process(member).isReady()).as(member.id() + " ready").isTrue();
        }
    }

    @Test
    @Order(2)
    void aNewTenantReachesAuthServiceExactlyOnce() {
        Gateway.Reply created = gateway.post("/api/v1/tenants", tenant("Trattoria Uno", "trattoria-uno"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("X-Request-Id")).isNotBlank();
        UUID id = UUID.fromString(created.json().path("id").asString());
        awaitKnownOnce(id);
    }

    @Test
    @Order(3)
    void serviceLogsAreStructuredWithTraceAndSpanIds() throws IOException {
        List<String> lines = Files.readAllLines(fleet.process(Member.TENANT_SERVICE).log());

        assertThat(lines).allMatch(line -> line.startsWith("{\"@timestamp\""), "ECS JSON lines");
        assertThat(lines).anyMatch(line -> line.matches(".*\"traceId\":\"[0-9a-f]{32}\",\"spanId\":\"[0-9a-f]{16}\".*"));
    }

    @Test
    @Order(4)
    void badInputIsA400ProblemAndWritesNothing() {
        long before = tenantDb.queryForObject("select count(*) from tenants", Long.class);

        Gateway.Reply refused = gateway.post("/api/v1/tenants", """
                {"name": "", "slug": "NO SLUG", "currency": "euros", "timeZone": "Moon/Base"}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors")).hasSize(4);
        assertThat(tenantDb.queryForObject("select count(*) from tenants", Long.class)).isEqualTo(before);
    }

    @Test
    @Order(5)
    void aKilledServiceAnswers503QuicklyWhileTheOthersServeAndAnEventItHadCommittedIsDeliveredOnceAfterRestart() {
        fleet.kill(Member.TENANT_SERVICE);

        Gateway.Reply down = gateway.post("/api/v1/tenants", tenant("Too Early", "too-early"));
        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(down.contentType()).startsWith("application/problem+json");
        assertThat(down.header("Retry-After")).isNotBlank();
        assertThat(down.took()).isLessThan(Duration.ofSeconds(12));
        assertThat(gateway.get("/api/v1/auth/no-such-endpoint").status())
                .as("auth-service still answers (its own 404)").isEqualTo(404);

        // what a crash between commit and relay leaves behind: a committed, unpublished outbox row
        UUID orphan = UUID.randomUUID();
        EventCodec codec = new EventCodec(Clock.systemUTC());
        EventEnvelope envelope = codec.envelope(new TenantCreated(orphan, "orphan", "Orphan", "EUR", "UTC"), orphan,
                orphan.toString(), null);
        tenantDb.update("insert into outbox (event_id, event_type, topic, message_key, envelope) values (?, ?, ?, ?, ?)",
                envelope.eventId(), envelope.type(), envelope.topic(), orphan.toString(), codec.encode(envelope));

        fleet.restart(Member.TENANT_SERVICE);

        Gateway.Reply again = gateway.post("/api/v1/tenants", tenant("Back Again", "back-again"));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        awaitKnownOnce(orphan);
    }

    @Test
    @Order(6)
    void aConsumerThatWasDownCatchesUpOnEveryEventOnce() {
        fleet.kill(Member.AUTH_SERVICE);
        List<UUID> created = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Gateway.Reply reply = gateway.post("/api/v1/tenants", tenant("While Down " + i, "while-down-" + i));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            created.add(UUID.fromString(reply.json().path("id").asString()));
        }

        fleet.restart(Member.AUTH_SERVICE);

        created.forEach(FleetScenario::awaitKnownOnce);
    }

    @Test
    @Order(7)
    void noEventWasParkedOnTheDeadLetterTopic() {
        assertThat(DeadLetters.count(fleet.infrastructure().environment().get("UROP_KAFKA_BOOTSTRAP"), "tenant.events.DLT"))
                .as("a redelivered event applied twice would have failed on the primary key and been parked")
                .isZero();
    }

    @Test
    @Order(8)
    void theSigningKeysArePublishedThroughTheGatewayAndSurviveARestartOfAuthService() {
        Gateway.Reply jwks = gateway.get("/.well-known/jwks.json");

        assertThat(jwks.status()).as(jwks.toString()).isEqualTo(200);
        JsonNode keys = jwks.json().path("keys");
        assertThat(keys).isNotEmpty();
        keys.forEach(key -> {
            assertThat(key.path("kty").asString()).isEqualTo("EC");
            assertThat(key.path("alg").asString()).isEqualTo("ES256");
            assertThat(key.has("d")).as("private part").isFalse();
        });
        assertThat(authDb.queryForObject("select count(*) from signing_keys", Long.class))
                .as("auth-service was restarted above and kept its key").isOne();
    }

    private static void awaitKnownOnce(UUID tenant) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(authDb.queryForObject(
                "select count(*) from known_tenants where tenant_id = ?", Long.class, tenant)).isOne());
    }

    private static String tenant(String name, String slug) {
        return """
                {"name": "%s", "slug": "%s", "currency": "EUR", "timeZone": "Europe/Paris"}""".formatted(name, slug);
    }
}
