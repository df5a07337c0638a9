package io.urop.tenant.location;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.urop.contracts.Role;
import io.urop.events.EventCodec;
import io.urop.events.EventEnvelope;
import io.urop.events.tenant.LocationChanged.MenuAccess;
import io.urop.events.tenant.LocationChanged.OpeningPeriod;
import io.urop.events.tenant.LocationChanged.PaymentMode;
import io.urop.events.tenant.LocationChanged.Status;
import io.urop.events.tenant.LocationChanged;
import io.urop.tenant.Signups;
import io.urop.tenant.TenantServiceTest;
import io.urop.test.TopicReader;
import io.urop.test.tokens.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a consumer of {@code tenant.events} learns about locations. The relay publishes in commit order, so
 * once the last expected event is on the topic, anything a refused request had written would be there too.
 */
class LocationEventsTest extends TenantServiceTest {

    private static final List<OpeningPeriod> FRIDAY_NIGHTS = List.of(
            new OpeningPeriod(DayOfWeek.FRIDAY, LocalTime.of(18, 0), LocalTime.of(1, 0)));

    @Autowired
    RestTestClient http;

    @Autowired
    EventCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    String slug;
    UUID tenant;
    UUID firstLocation;
    String owner;

    @BeforeEach
    void aTenantWithOneLocation() {
        slug = Signups.slug();
        String body = http.post().uri("/api/v1/signup").contentType(MediaType.APPLICATION_JSON)
                .body(Signups.signup(slug, "owner-" + UUID.randomUUID() + "@example.com"))
                .exchange().expectStatus().isCreated().returnResult(String.class).getResponseBody();
        tenant = UUID.fromString(JsonPath.read(body, "$.tenantId"));
        firstLocation = UUID.fromString(JsonPath.read(body, "$.locationId"));
        owner = TestTokens.user(tenant, Role.OWNER).sign();
    }

    @Test
    void aSignUpAnnouncesItsFirstLocationOnce() {
        List<ConsumerRecord<String, String>> announced = announced(firstLocation, 1);

        assertThat(announced).hasSize(1);
        EventEnvelope envelope = codec.decode(announced.get(0).value());
        assertThat(envelope.type()).isEqualTo("tenant.location-changed");
        assertThat(envelope.version()).isEqualTo(1);
        assertThat(envelope.tenantId()).isEqualTo(tenant);
        assertThat(envelope.aggregateId()).isEqualTo(firstLocation.toString());
        assertThat(envelope.occurredAt()).isNotNull();
        assertThat(codec.payload(envelope, LocationChanged.class)).isEqualTo(new LocationChanged(firstLocation, tenant,
                "Bistro " + slug + " Opéra", "EUR", "Europe/Paris", 1000, true, 0, PaymentMode.PAY_AT_THE_END, FRIDAY_NIGHTS,
                MenuAccess.PUBLIC, false, Status.OPEN, 0));
    }

    @Test
    void openingChangingAndClosingEachAnnounceTheNewStateInOrder() {
        UUID terrace = open("La Terrasse");
        Map<String, Object> changed = new HashMap<>(Signups.location("La Terrasse du Port"));
        changed.put("currency", "USD");
        changed.put("timeZone", "America/New_York");
        changed.put("taxRateBasisPoints", 888);
        changed.put("pricesIncludeTax", false);
        changed.put("serviceChargeBasisPoints", 1250);
        changed.put("paymentMode", "EITHER");
        changed.put("openingHours", List.of());
        changed.put("menuAccess", "TABLE_GUESTS");
        changed.put("firstOrderApproval", true);
        call(http.put().uri(locationUri(terrace)).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .body(changed)).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");
        call(http.delete().uri(locationUri(terrace))).expectStatus().isNoContent();
        // closing it again changes nothing
        call(http.delete().uri(locationUri(terrace))).expectStatus().isNoContent();

        List<ConsumerRecord<String, String>> announced = announced(terrace, 3);

        assertThat(announced).extracting(ConsumerRecord::key).containsOnly(terrace.toString());
        assertThat(announced).extracting(ConsumerRecord::partition).containsOnly(announced.get(0).partition());
        assertThat(announced).extracting(ConsumerRecord::offset).isSorted();
        assertThat(payloads(announced)).containsExactly(
                new LocationChanged(terrace, tenant, "La Terrasse", "EUR", "Europe/Paris", 1000, true, 0,
                        PaymentMode.PAY_AT_THE_END, FRIDAY_NIGHTS, MenuAccess.PUBLIC, false, Status.OPEN, 0),
                new LocationChanged(terrace, tenant, "La Terrasse du Port", "USD", "America/New_York", 888, false,
                        1250, PaymentMode.EITHER, List.of(), MenuAccess.TABLE_GUESTS, true, Status.OPEN, 1),
                new LocationChanged(terrace, tenant, "La Terrasse du Port", "USD", "America/New_York", 888, false,
                        1250, PaymentMode.EITHER, List.of(), MenuAccess.TABLE_GUESTS, true, Status.CLOSED, 2));
    }

    @Test
    void aRefusedChangeAnnouncesNothing() {
        call(http.put().uri(locationUri(firstLocation)).contentType(MediaType.APPLICATION_JSON)
                .body(Signups.location("Renamed"))).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");

        // a stale If-Match, a time zone that does not exist, someone who may not change it
        call(http.put().uri(locationUri(firstLocation)).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).body(Signups.location("Stale")))
                .expectStatus().isEqualTo(412);
        Map<String, Object> badZone = new HashMap<>(Signups.location("Nowhere"));
        badZone.put("timeZone", "Mars/Olympus_Mons");
        call(http.put().uri(locationUri(firstLocation)).contentType(MediaType.APPLICATION_JSON).body(badZone))
                .expectStatus().isBadRequest();
        call(TestTokens.user(tenant, Role.STAFF).sign(), http.put().uri(locationUri(firstLocation))
                .contentType(MediaType.APPLICATION_JSON).body(Signups.location("Staff's choice")))
                .expectStatus().isForbidden();

        // then one accepted change: it follows the last accepted one directly
        call(http.put().uri(locationUri(firstLocation)).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).body(Signups.location("Renamed again")))
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");

        List<LocationChanged> seen = payloads(announced(firstLocation, 3));
        assertThat(seen).extracting(LocationChanged::name)
                .containsExactly("Bistro " + slug + " Opéra", "Renamed", "Renamed again");
        assertThat(seen).extracting(LocationChanged::version).containsExactly(0L, 1L, 2L);
    }

    private List<ConsumerRecord<String, String>> announced(UUID location, int expected) {
        return TopicReader.await(kafka, "tenant.events", r -> location.toString().equals(r.key()), expected,
                Duration.ofSeconds(20));
    }

    private List<LocationChanged> payloads(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> codec.payload(codec.decode(r.value()), LocationChanged.class)).toList();
    }

    private UUID open(String name) {
        String body = call(http.post().uri("/api/v1/tenants/{t}/locations", tenant)
                .contentType(MediaType.APPLICATION_JSON).body(Signups.location(name)))
                .expectStatus().isCreated().returnResult(String.class).getResponseBody();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    private String locationUri(UUID location) {
        return "/api/v1/tenants/" + tenant + "/locations/" + location;
    }

    private RestTestClient.ResponseSpec call(RestTestClient.RequestHeadersSpec<?> request) {
        return call(owner, request);
    }

    private static RestTestClient.ResponseSpec call(String token, RestTestClient.RequestHeadersSpec<?> request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
