package io.urop.qr.scan;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.SignedJWT;

import io.urop.events.EventCodec;
import io.urop.events.payment.TableBillSettled;
import io.urop.qr.QrServiceTest;
import io.urop.contracts.Role;
import io.urop.test.Databases;
import io.urop.test.TopicReader;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What happens to a table's session after the first scan: merges, moves, approval, opening hours, a settled bill. */
class TableSessionsTest extends QrServiceTest {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventCodec codec;

    @Test
    void mergedTablesAreOneSessionForEveryGuestUntilItEnds() throws Exception {
        UUID four = createTable(owner, location, "4");
        UUID five = createTable(owner, location, "5");
        URI atFour = Phone.admitted(Phone.scan(port, code(four), null));
        URI atFive = Phone.admitted(Phone.scan(port, code(five), null));
        String sessionOfFour = Phone.query(atFour).get("session");
        String sessionOfFive = Phone.query(atFive).get("session");
        String waiter = staff(tenant, Role.STAFF, location);

        post(waiter, "/api/v1/tables/" + four + "/session/merge", Map.of("fromTableId", five)).expectStatus().isOk()
                .expectBody().jsonPath("$.sessionId").isEqualTo(sessionOfFour)
                .jsonPath("$.tableIds").isEqualTo(List.of(four.toString(), five.toString()))
                .jsonPath("$.mergedSessionIds").isEqualTo(List.of(sessionOfFive))
                .jsonPath("$.guests").isEqualTo(2);

        assertThat(TopicReader.await(bootstrap, "table.events", r -> r.value().contains("\"table.sessions-merged\"")
                && r.value().contains(sessionOfFive), 1, Duration.ofSeconds(20))).hasSize(1);
        get(waiter, "/api/v1/tables/{t}/session", five).expectStatus().isOk()
                .expectBody().jsonPath("$.sessionId").isEqualTo(sessionOfFour);
        assertThat(Phone.query(Phone.admitted(Phone.scan(port, code(five), null))).get("session"))
                .isEqualTo(sessionOfFour);
        String guestAtFive = Phone.dinerToken(atFive);
        get(guestAtFive, "/api/v1/table-sessions/current").expectStatus().isOk().expectBody()
                .jsonPath("$.sessionId").isEqualTo(sessionOfFour)
                .jsonPath("$.tableId").isEqualTo(five.toString())
                .jsonPath("$.guests").isEqualTo(3);
        SignedJWT fresh = SignedJWT.parse(JsonPath.read(post(guestAtFive, "/api/v1/table-sessions/current/token", null)
                .expectStatus().isOk().returnResult(String.class).getResponseBody(), "$.accessToken"));
        assertThat(fresh.getJWTClaimsSet().getStringClaim("sid")).isEqualTo(sessionOfFour);
        assertThat(fresh.getJWTClaimsSet().getStringClaim("tbl")).isEqualTo(five.toString());
        assertThat(fresh.getJWTClaimsSet().getSubject()).isEqualTo(Phone.query(atFive).get("guest"));
        post(waiter, "/api/v1/tables/" + five + "/session/merge", Map.of("fromTableId", four)).expectStatus()
                .isEqualTo(409);

        call(waiter, http.delete().uri("/api/v1/tables/{t}/session", five)).expectStatus().isNoContent();

        assertThat(TopicReader.await(bootstrap, "table.events", r -> r.value().contains("\"table.session-closed\"")
                && r.value().contains(sessionOfFour), 1, Duration.ofSeconds(20))).hasSize(1)
                .allSatisfy(r -> assertThat(r.value()).contains(sessionOfFive).contains(four.toString())
                        .contains(five.toString()).contains("CLOSED_BY_STAFF"));
        get(waiter, "/api/v1/tables/{t}/session", four).expectStatus().isNotFound();
        get(guestAtFive, "/api/v1/table-sessions/current").expectStatus().isEqualTo(410);
        get(Phone.dinerToken(atFour), "/api/v1/table-sessions/current").expectStatus().isEqualTo(410);
        assertThat(Phone.query(Phone.admitted(Phone.scan(port, code(five), null))).get("session"))
                .isNotIn(sessionOfFour, sessionOfFive);
    }

    @Test
    void aGuestOfAMovedSessionLearnsTheirNewTable() throws Exception {
        UUID four = createTable(owner, location, "4");
        UUID nine = createTable(owner, location, "9");
        String diner = Phone.dinerToken(Phone.admitted(Phone.scan(port, code(four), null)));
        String waiter = staff(tenant, Role.STAFF, location);

        post(waiter, "/api/v1/tables/" + four + "/session/move", Map.of("toTableId", nine)).expectStatus().isOk();

        get(diner, "/api/v1/table-sessions/current").expectStatus().isOk().expectBody()
                .jsonPath("$.tableId").isEqualTo(nine.toString())
                .jsonPath("$.tableIds").isEqualTo(List.of(nine.toString()));
        String fresh = JsonPath.read(post(diner, "/api/v1/table-sessions/current/token", null).expectStatus().isOk()
                .returnResult(String.class).getResponseBody(), "$.accessToken");
        assertThat(SignedJWT.parse(fresh).getJWTClaimsSet().getStringClaim("tbl")).isEqualTo(nine.toString());
        post(waiter, "/api/v1/tables/" + nine + "/session/merge", Map.of("fromTableId", four)).expectStatus()
                .isNotFound();
        post(waiter, "/api/v1/tables/" + nine + "/session/merge", Map.of("fromTableId", nine)).expectStatus()
                .isEqualTo(409);
        post(waiter, "/api/v1/tables/" + nine + "/session/merge", Map.of("fromTableId", 42)).expectStatus()
                .isBadRequest();
    }

    @Test
    void onlyTheDinerOfASessionSeesIt() {
        String session = Phone.query(Phone.admitted(Phone.scan(port, code(createTable(owner, location, "4")), null)))
                .get("session");
        String elsewhere = TestTokens.user(UUID.randomUUID(), Role.DINER).subject(UUID.randomUUID().toString())
                .session(session).locations(location).sign();
        String sameTenantOtherGuest = TestTokens.user(tenant, Role.DINER).subject(UUID.randomUUID().toString())
                .session(session).locations(location).sign();

        get(elsewhere, "/api/v1/table-sessions/current").expectStatus().isEqualTo(410);
        get(sameTenantOtherGuest, "/api/v1/table-sessions/current").expectStatus().isEqualTo(410);
        get(staff(tenant, Role.STAFF, location), "/api/v1/table-sessions/current").expectStatus().isForbidden();
        post(owner, "/api/v1/table-sessions/current/token", null).expectStatus().isForbidden();
        String call = "{\"reason\": \"WAITER\"}";
        post(elsewhere, "/api/v1/table-sessions/current/assistance", call).expectStatus().isEqualTo(410);
        post(sameTenantOtherGuest, "/api/v1/table-sessions/current/assistance", call).expectStatus().isEqualTo(410);
    }

    @Test
    void aDinerCallsStaffToTheTableOnceAMinuteHoweverManyPhonesTapAndStaffAreToldWhichTable() {
        UUID table = createTable(owner, location, "Window");
        URI anna = Phone.admitted(Phone.scan(port, code(table), null));
        URI ben = Phone.admitted(Phone.scan(port, code(table), null));
        String session = Phone.query(anna).get("session");
        String path = "/api/v1/table-sessions/current/assistance";

        post(Phone.dinerToken(anna), path, "{\"reason\": \"WAITER\", \"guestName\": \"Anna\"}").expectStatus()
                .isAccepted().expectBody().jsonPath("$.announced").isEqualTo(true);
        post(Phone.dinerToken(ben), path, "{\"reason\": \"WAITER\"}").expectStatus().isAccepted().expectBody()
                .jsonPath("$.announced").isEqualTo(false);
        post(Phone.dinerToken(ben), path, "{\"reason\": \"BILL\"}").expectStatus().isAccepted().expectBody()
                .jsonPath("$.announced").isEqualTo(true);

        List<String> calls = TopicReader.await(bootstrap, "table.events",
                r -> r.value().contains("\"table.assistance-requested\"") && r.value().contains(session), 2,
                Duration.ofSeconds(20)).stream().map(r -> r.value()).toList();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).contains("\"reason\":\"WAITER\"", "\"tableName\":\"Window\"", "\"guestName\":\"Anna\"");
        assertThat(calls.get(1)).contains("\"reason\":\"BILL\"");

        post(Phone.dinerToken(anna), path, "{\"reason\": \"DANCE\"}").expectStatus().isBadRequest();
        post(Phone.dinerToken(anna), path, "{}").expectStatus().isBadRequest();
        post(staff(tenant, Role.STAFF, location), path, "{\"reason\": \"WAITER\"}").expectStatus().isForbidden();
    }

    @Test
    void whereTheLocationAsksForItStaffApproveEachNewSessionOnce() {
        Databases.asSuperuser("qr").update("update locations set first_order_approval = true where id = ?", location);
        UUID table = createTable(owner, location, "4");
        URI app = Phone.admitted(Phone.scan(port, code(table), null));
        String session = Phone.query(app).get("session");
        get(Phone.dinerToken(app), "/api/v1/table-sessions/current").expectStatus().isOk().expectBody()
                .jsonPath("$.approval").isEqualTo("REQUIRED");
        UUID waiterId = UUID.randomUUID();
        String waiter = TestTokens.user(tenant, Role.STAFF).subject(waiterId.toString()).locations(location).sign();

        post(waiter, "/api/v1/tables/" + table + "/session/approval", null).expectStatus().isOk().expectBody()
                .jsonPath("$.approval").isEqualTo("APPROVED").jsonPath("$.approvedBy").isEqualTo(waiterId.toString());
        post(staff(tenant, Role.MANAGER, location), "/api/v1/tables/" + table + "/session/approval", null)
                .expectStatus().isOk().expectBody().jsonPath("$.approvedBy").isEqualTo(waiterId.toString());

        get(Phone.dinerToken(app), "/api/v1/table-sessions/current").expectStatus().isOk().expectBody()
                .jsonPath("$.approval").isEqualTo("APPROVED");
        assertThat(TopicReader.await(bootstrap, "table.events", r -> r.value().contains("\"table.session-approved\"")
                && r.value().contains(session), 1, Duration.ofSeconds(20))).hasSize(1);

        UUID elsewhere = location(tenant, true);
        UUID free = createTable(owner, elsewhere, "1");
        Phone.admitted(Phone.scan(port, code(free), null));
        post(owner, "/api/v1/tables/" + free + "/session/approval", null).expectStatus().isOk().expectBody()
                .jsonPath("$.approval").isEqualTo("NOT_REQUIRED");
    }

    @Test
    void staffSeatAPartyAfterHoursAndItsPhonesJoinTheApprovedSession() {
        Databases.asSuperuser("qr").update("update locations set first_order_approval = true, opening_hours = ?::jsonb "
                + "where id = ?", "[{\"day\":\"" + Instant.now().atZone(ZoneOffset.UTC).getDayOfWeek().plus(3)
                + "\",\"opens\":\"12:00\",\"closes\":\"14:30\"}]", location);
        UUID table = createTable(owner, location, "4");
        UUID waiterId = UUID.randomUUID();
        String waiter = TestTokens.user(tenant, Role.STAFF).subject(waiterId.toString()).locations(location).sign();

        post(waiter, "/api/v1/tables/" + table + "/session", null).expectStatus().isCreated().expectBody()
                .jsonPath("$.approval").isEqualTo("APPROVED").jsonPath("$.approvedBy").isEqualTo(waiterId.toString())
                .jsonPath("$.guests").isEqualTo(0);
        post(waiter, "/api/v1/tables/" + table + "/session", null).expectStatus().isEqualTo(409);

        URI app = Phone.admitted(Phone.scan(port, code(table), null));
        get(waiter, "/api/v1/tables/{t}/session", table).expectStatus().isOk().expectBody()
                .jsonPath("$.sessionId").isEqualTo(Phone.query(app).get("session")).jsonPath("$.guests").isEqualTo(1);
        post(waiter, "/api/v1/tables/" + UUID.randomUUID() + "/session", null).expectStatus().isNotFound();
    }

    @Test
    void outsideOpeningHoursNoNewSessionOpensButTheSeatedPartyStillJoinsTheirs() {
        UUID seated = createTable(owner, location, "4");
        UUID empty = createTable(owner, location, "5");
        String session = Phone.query(Phone.admitted(Phone.scan(port, code(seated), null))).get("session");
        DayOfWeek inTwoDays = Instant.now().atZone(ZoneOffset.UTC).getDayOfWeek().plus(2);
        Databases.asSuperuser("qr").update("update locations set opening_hours = ?::jsonb where id = ?",
                "[{\"day\":\"" + inTwoDays + "\",\"opens\":\"12:00\",\"closes\":\"14:30\"}]", location);

        var closed = Phone.scan(port, code(empty), null);

        Phone.refused(closed, 409, "location-not-serving-now");
        assertThat((String) JsonPath.read(closed.body(), "$.detail"))
                .contains(inTwoDays.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " at 12:00");
        assertThat(Phone.query(Phone.admitted(Phone.scan(port, code(seated), null))).get("session")).isEqualTo(session);
        get(owner, "/api/v1/tables/{t}/session", empty).expectStatus().isNotFound();
    }

    @Test
    void aSettledBillEndsTheSessionOnce() {
        UUID table = createTable(owner, location, "4");
        URI app = Phone.admitted(Phone.scan(port, code(table), null));
        UUID session = UUID.fromString(Phone.query(app).get("session"));
        TableBillSettled bill = new TableBillSettled(session, tenant, location, 1000, Instant.now());
        String settled = codec.encode(codec.envelope(bill, tenant, session.toString(), null));

        kafka.send("payment.events", session.toString(), settled);
        kafka.send("payment.events", session.toString(), settled);

        assertThat(TopicReader.await(bootstrap, "table.events", r -> r.value().contains("\"table.session-closed\"")
                && r.value().contains(session.toString()), 1, Duration.ofSeconds(20))).hasSize(1)
                .allSatisfy(r -> assertThat(r.value()).contains("BILL_SETTLED"));
        get(owner, "/api/v1/tables/{t}/session", table).expectStatus().isNotFound();
        get(Phone.dinerToken(app), "/api/v1/table-sessions/current").expectStatus().isEqualTo(410);
        assertThat(Phone.query(Phone.admitted(Phone.scan(port, code(table), null))).get("session"))
                .isNotEqualTo(session.toString());
    }
}
