package io.urop.qr.scan;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.urop.qr.AuthServiceForTests;
import io.urop.qr.QrServiceTest;
import io.urop.contracts.Role;
import io.urop.test.Databases;
import io.urop.test.TopicReader;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class ScanTest extends QrServiceTest {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void phonesAtOneTableJoinOneSessionEachAsItsOwnGuestWithADinerToken() throws Exception {
        UUID table = createTable(owner, location, "4");
        String code = token(table);

        URI first = admitted(scan(code, null));
        URI second = admitted(scan(code, null));

        Map<String, String> one = query(first);
        Map<String, String> two = query(second);
        assertThat(first.toString()).startsWith("http://localhost:8080/table?");
        assertThat(one).containsEntry("table", table.toString()).containsEntry("location", location.toString());
        assertThat(two.get("session")).isEqualTo(one.get("session"));
        assertThat(two.get("guest")).isNotEqualTo(one.get("guest"));

        JWTClaimsSet diner = verifiedDinerToken(first);
        assertThat(diner.getStringListClaim("roles")).containsExactly("DINER");
        assertThat(diner.getStringClaim("tid")).isEqualTo(tenant.toString());
        assertThat(diner.getStringClaim("sid")).isEqualTo(one.get("session"));
        assertThat(diner.getSubject()).isEqualTo(one.get("guest"));
        assertThat(diner.getStringClaim("tbl")).isEqualTo(table.toString());
        assertThat(diner.getStringListClaim("loc")).containsExactly(location.toString());

        String waiter = staff(tenant, Role.STAFF, location);
        get(waiter, "/api/v1/tables/{t}/session", table).expectStatus().isOk()
                .expectBody().jsonPath("$.sessionId").isEqualTo(one.get("session")).jsonPath("$.guests").isEqualTo(2);
        get(waiter, "/api/v1/tables/{t}/scans", table).expectStatus().isOk().expectBody().jsonPath("$.scans").isEqualTo(2);
    }

    @Test
    void afterStaffCloseTheSessionTheSameCodeOpensAFreshOne() {
        UUID table = createTable(owner, location, "4");
        String code = token(table);
        String before = query(admitted(scan(code, null))).get("session");
        String waiter = staff(tenant, Role.STAFF, location);

        call(waiter, http.delete().uri("/api/v1/tables/{t}/session", table)).expectStatus().isNoContent();
        get(waiter, "/api/v1/tables/{t}/session", table).expectStatus().isNotFound();
        String after = query(admitted(scan(code, null))).get("session");

        assertThat(after).isNotEqualTo(before);
        assertThat(TopicReader.await(bootstrap, "table.events", r -> r.key().equals(table.toString())
                && r.value().contains("\"table.session-closed\"") && r.value().contains(before), 1,
                Duration.ofSeconds(20))).hasSize(1);
        call(waiter, http.delete().uri("/api/v1/tables/{t}/session", createTable(owner, location, "5")))
                .expectStatus().isNotFound();
    }

    @Test
    void staffMoveAPartyToAFreeTableAndTheFirstTableIsFreeForTheNext() {
        UUID four = createTable(owner, location, "4");
        UUID nine = createTable(owner, location, "9");
        UUID busy = createTable(owner, location, "12");
        String session = query(admitted(scan(token(four), null))).get("session");
        admitted(scan(token(busy), null));
        String waiter = staff(tenant, Role.STAFF, location);

        post(waiter, "/api/v1/tables/" + four + "/session/move", Map.of("toTableId", busy)).expectStatus().isEqualTo(409);
        post(waiter, "/api/v1/tables/" + four + "/session/move", Map.of("toTableId", nine)).expectStatus().isOk()
                .expectBody().jsonPath("$.sessionId").isEqualTo(session).jsonPath("$.tableId").isEqualTo(nine.toString())
                .jsonPath("$.guests").isEqualTo(1);

        get(waiter, "/api/v1/tables/{t}/session", four).expectStatus().isNotFound();
        assertThat(TopicReader.await(bootstrap, "table.events", r -> r.key().equals(four.toString())
                && r.value().contains("\"table.session-moved\""), 1, Duration.ofSeconds(20)))
                .hasSize(1).allSatisfy(r -> assertThat(r.value()).contains(session).contains(nine.toString()));
        assertThat(query(admitted(scan(token(nine), null))).get("session")).isEqualTo(session);
        assertThat(query(admitted(scan(token(four), null))).get("session")).isNotEqualTo(session);
        post(waiter, "/api/v1/tables/" + four + "/session/move", Map.of("toTableId", "not-a-table")).expectStatus()
                .isBadRequest();
        post(waiter, "/api/v1/tables/" + four + "/session/move", Map.of("toTableId", createTable(owner,
                location(tenant, true), "1"))).expectStatus().isNotFound();
    }

    @Test
    void twoTablesHaveTheirOwnSessions() {
        String four = query(admitted(scan(token(createTable(owner, location, "4")), null))).get("session");
        String nine = query(admitted(scan(token(createTable(owner, location, "9")), null))).get("session");

        assertThat(four).isNotEqualTo(nine);
    }

    @Test
    void aForgedCodeIsAnUnknownCodeNeverAServerError() {
        UUID table = createTable(owner, location, "4");
        String code = token(table);
        String flipped = code.substring(0, code.length() - 5) + (code.charAt(code.length() - 5) == 'A' ? 'B' : 'A')
                + code.substring(code.length() - 4);
        String otherTable = code.replace(code.split("\\.")[2], code.split("\\.")[1]);

        for (String forged : new String[] {flipped, otherTable, "abc", "v1.x.y.1.z", "v1" + ".A".repeat(200)}) {
            refused(scan(forged, null), 404, "qr-code-invalid");
        }
        assertThat(Databases.asSuperuser("qr").queryForObject("select count(*) from dining_tables where id = ?",
                Integer.class, table)).isEqualTo(1);
    }

    @Test
    void aRotatedCodeIsRefusedAsReplacedAndTheNewOneWorks() {
        UUID table = createTable(owner, location, "4");
        String printed = token(table);
        post(owner, "/api/v1/tables/" + table + "/qr-rotation", null).expectStatus().isOk();

        refused(scan(printed, null), 410, "qr-code-revoked");
        admitted(scan(token(table), null));
    }

    @Test
    void aDeactivatedTablesCodeAndAClosedLocationsCodeAreRefused() {
        UUID table = createTable(owner, location, "4");
        String code = token(table);
        post(owner, "/api/v1/tables/" + table + "/deactivation", null).expectStatus().isOk();
        refused(scan(code, null), 410, "table-out-of-service");
        post(owner, "/api/v1/tables/" + table + "/activation", null).expectStatus().isOk();
        admitted(scan(code, null));

        UUID closing = createTable(owner, location, "5");
        String closingCode = token(closing);
        Databases.asSuperuser("qr").update("update locations set open = false where id = ?", location);
        refused(scan(closingCode, null), 410, "location-closed");
    }

    @Test
    void aBrowserIsShownAPageThatSaysWhy() {
        UUID table = createTable(owner, location, "4");
        String code = token(table);
        post(owner, "/api/v1/tables/" + table + "/deactivation", null).expectStatus().isOk();

        HttpResponse<String> page = scan(code, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("text/html"));
        assertThat(page.body()).contains("<h1>Table not in service</h1>").contains("ask a member of staff");
    }

    @Test
    void whenAuthServiceCannotAnswerTheScanIsAProblemToRetry() {
        String code = token(createTable(owner, location, "4"));
        AuthServiceForTests.instance().failing(true);
        try {
            HttpResponse<String> unavailable = scan(code, null);
            assertThat(unavailable.statusCode()).isEqualTo(503);
            assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(unavailable.headers().firstValue("Content-Type")).hasValueSatisfying(
                    contentType -> assertThat(contentType).startsWith("application/problem+json"));
        }
        finally {
            AuthServiceForTests.instance().failing(false);
        }
        admitted(scan(code, null));
    }

    private String token(UUID table) {
        return code(table);
    }

    private HttpResponse<String> scan(String code, String accept) {
        return Phone.scan(port, code, accept);
    }

    private static URI admitted(HttpResponse<String> response) {
        return Phone.admitted(response);
    }

    private static void refused(HttpResponse<String> response, int status, String type) {
        Phone.refused(response, status, type);
    }

    private static Map<String, String> query(URI location) {
        return Phone.query(location);
    }

    private static JWTClaimsSet verifiedDinerToken(URI location) throws Exception {
        SignedJWT jwt = SignedJWT.parse(Phone.dinerToken(location));
        assertThat(jwt.verify(new ECDSAVerifier(TestTokens.issuer().signingKey().toECPublicKey()))).isTrue();
        return jwt.getJWTClaimsSet();
    }
}
