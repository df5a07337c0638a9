package io.urop.qr.table;

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
import io.urop.events.tenant.LocationChanged.PaymentMode;
import io.urop.events.tenant.LocationChanged.Status;
import io.urop.events.tenant.LocationChanged;
import io.urop.qr.QrServiceTest;
import io.urop.test.Databases;
import io.urop.test.TopicReader;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TablesTest extends QrServiceTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    final JdbcTemplate superuser = Databases.asSuperuser("qr");

    @Test
    void fortyNumberedTablesAreCreatedAtOnceAndListedInTheirOrderPageByPage() {
        UUID terrace = createArea(owner, location, "Terrace");

        String created = post(owner, "/api/v1/tables/bulk", bulk(terrace, "Table {n}", 1, 40)).expectStatus().isCreated()
                .returnResult(String.class).getResponseBody();

        assertThat((List<String>) JsonPath.read(created, "$[*].name")).hasSize(40).startsWith("Table 1", "Table 2")
                .endsWith("Table 40");
        String page = get(owner, "/api/v1/tables?locationId={l}&page=1&size=15", location).expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat((List<String>) JsonPath.read(page, "$.items[*].name")).first().isEqualTo("Table 16");
        assertThat((Integer) JsonPath.read(page, "$.total")).isEqualTo(40);
        assertThat((List<String>) JsonPath.read(page, "$.items[*].areaId")).containsOnly(terrace.toString());
        assertThat((List<Integer>) JsonPath.read(page, "$.items[*].seats")).containsOnly(2);
    }

    @Test
    void aBulkCreationWithOneTakenNameCreatesNothing() {
        createTable(owner, location, "Table 7");

        post(owner, "/api/v1/tables/bulk", bulk(null, "Table {n}", 1, 10)).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Table 7"));

        assertThat(superuser.queryForObject("select count(*) from dining_tables where location_id = ?", Integer.class,
                location)).isEqualTo(1);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        post(owner, "/api/v1/tables/bulk", bulk(null, "Table", 1, 10)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("namePattern");
        post(owner, "/api/v1/tables/bulk", bulk(null, "T{n}", 10, 1)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        post(owner, "/api/v1/tables/bulk", bulk(null, "T{n}", 1, 201)).expectStatus().isBadRequest();
        post(owner, "/api/v1/tables", Map.of("locationId", location, "name", "A1", "seats", 0)).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("seats");
        post(owner, "/api/v1/tables", Map.of("locationId", location, "name", " ", "seats", 2)).expectStatus()
                .isBadRequest();
        post(owner, "/api/v1/tables", Map.of("locationId", "not-a-uuid", "name", "A1", "seats", 2)).expectStatus()
                .isBadRequest();
        post(owner, "/api/v1/tables", Map.of("locationId", UUID.randomUUID(), "name", "A1", "seats", 2)).expectStatus()
                .isNotFound();
        post(owner, "/api/v1/tables", Map.of("locationId", location, "areaId", UUID.randomUUID(), "name", "A1",
                "seats", 2)).expectStatus().isNotFound();
        get(owner, "/api/v1/tables?locationId={l}&size=201", location).expectStatus().isBadRequest();
        get(owner, "/api/v1/tables").expectStatus().isBadRequest();

        assertThat(superuser.queryForObject("select count(*) from dining_tables where location_id = ?", Integer.class,
                location)).isZero();
    }

    @Test
    void aTableIsRenamedMovedAndDeactivatedAndEachCreationAndDeactivationIsPublishedOnce() {
        UUID bar = createArea(owner, location, "Bar");
        UUID table = createTable(owner, location, "4");
        createTable(owner, location, "5");

        call(owner, http.put().uri("/api/v1/tables/{t}", table).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("areaId", bar, "name", "Bar 4", "seats", 6))).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Bar 4").jsonPath("$.areaId").isEqualTo(bar.toString());
        call(owner, http.put().uri("/api/v1/tables/{t}", table).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "5", "seats", 6))).expectStatus().isEqualTo(409);
        post(owner, "/api/v1/tables/" + table + "/deactivation", null).expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false);
        post(owner, "/api/v1/tables/" + table + "/deactivation", null).expectStatus().isOk();

        String inactive = get(owner, "/api/v1/tables?locationId={l}&active=false", location).expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat((List<String>) JsonPath.read(inactive, "$.items[*].name")).containsExactly("Bar 4");
        String inBar = get(owner, "/api/v1/tables?locationId={l}&areaId={a}", location, bar).expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat((List<String>) JsonPath.read(inBar, "$.items[*].name")).containsExactly("Bar 4");

        assertThat(TopicReader.await(bootstrap, "table.events", r -> r.key().equals(table.toString())
                && r.value().contains("\"table.created\""), 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(TopicReader.await(bootstrap, "table.events", r -> r.key().equals(table.toString())
                && r.value().contains("\"table.deactivated\""), 1, Duration.ofSeconds(20))).hasSize(1);

        call(owner, http.delete().uri("/api/v1/areas/{a}", bar)).expectStatus().isNoContent();
        get(owner, "/api/v1/tables/{t}", table).expectStatus().isOk().expectBody().jsonPath("$.areaId").doesNotExist();
    }

    @Test
    void managersSetUpTheirOwnLocationsAndStaffOnlyRead() {
        UUID other = location(tenant, true);
        String manager = staff(tenant, Role.MANAGER, location);
        String waiter = staff(tenant, Role.STAFF, location);

        UUID table = createTable(manager, location, "1");
        post(manager, "/api/v1/tables", Map.of("locationId", other, "name", "1", "seats", 2)).expectStatus().isNotFound();
        post(waiter, "/api/v1/tables", Map.of("locationId", location, "name", "2", "seats", 2)).expectStatus()
                .isForbidden();
        post(waiter, "/api/v1/tables/" + table + "/deactivation", null).expectStatus().isForbidden();
        get(waiter, "/api/v1/tables/{t}", table).expectStatus().isOk();
        get(waiter, "/api/v1/tables?locationId={l}", other).expectStatus().isNotFound();
        UUID elsewhere = createTable(owner, other, "1");
        get(manager, "/api/v1/tables/{t}", elsewhere).expectStatus().isNotFound();
        get(TestTokens.user(tenant, Role.DINER).sign(), "/api/v1/tables/{t}", table).expectStatus().isForbidden();
    }

    @Test
    void locationsAnnouncedByTenantServiceAreKnownAndAClosedOneStaysKnownAsClosed() {
        UUID announced = UUID.randomUUID();
        announce(announced, Status.OPEN, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> superuser.queryForObject(
                "select count(*) from locations where id = ?", Integer.class, announced) == 1);
        createTable(owner, announced, "1");
        assertThat(superuser.queryForMap("select time_zone, opening_hours::text as hours, first_order_approval "
                + "from locations where id = ?", announced))
                .containsEntry("time_zone", "Europe/Paris").containsEntry("first_order_approval", true)
                .hasEntrySatisfying("hours", hours -> assertThat(hours.toString()).contains("FRIDAY", "18:00", "02:00"));

        announce(announced, Status.CLOSED, 3);
        UUID late = announce(announced, Status.OPEN, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> superuser.queryForObject(
                "select count(*) from inbox where event_id = ?", Integer.class, late) == 1);
        assertThat(superuser.queryForObject("select open from locations where id = ?", Boolean.class, announced))
                .isFalse();
        assertThat(superuser.queryForObject("select version from locations where id = ?", Long.class, announced))
                .isEqualTo(3);
    }

    private UUID announce(UUID locationId, Status status, long version) {
        LocationChanged changed = new LocationChanged(locationId, tenant, "Bistro", "EUR", "Europe/Paris", 2000, true,
                0, PaymentMode.PAY_WHEN_ORDERING,
                List.of(new LocationChanged.OpeningPeriod(DayOfWeek.FRIDAY, LocalTime.of(18, 0), LocalTime.of(2, 0))),
                MenuAccess.PUBLIC, true, status, version);
        EventEnvelope envelope = codec.envelope(changed, tenant, locationId.toString(), null);
        kafka.send("tenant.events", locationId.toString(), codec.encode(envelope));
        return envelope.eventId();
    }

    private Map<String, Object> bulk(UUID area, String pattern, int from, int to) {
        Map<String, Object> body = new HashMap<>(Map.of("locationId", location, "namePattern", pattern, "from", from,
                "to", to, "seats", 2));
        if (area != null) {
            body.put("areaId", area);
        }
        return body;
    }
}
