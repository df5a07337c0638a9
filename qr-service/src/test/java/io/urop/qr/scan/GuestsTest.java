package io.urop.qr.scan;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;

import io.urop.qr.QrServiceTest;
import io.urop.contracts.Role;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** Who a scan seats: each phone once, however often it scans, and no more phones than a table seats. */
class GuestsTest extends QrServiceTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort
    int port;

    @Test
    void aPhoneThatScansAgainIsTheSameGuestAndTheSessionDoesNotGrow() throws Exception {
        UUID table = createTable(owner, location, "4");
        String code = code(table);

        HttpResponse<String> first = Phone.scan(port, code, null);
        HttpResponse<String> again = Phone.scanAgain(port, code, first);
        HttpResponse<String> andAgain = Phone.scanAgain(port, code, again);
        HttpResponse<String> otherPhone = Phone.scan(port, code, null);

        Map<String, String> seated = Phone.query(Phone.admitted(first));
        for (HttpResponse<String> rescan : List.of(again, andAgain)) {
            URI app = Phone.admitted(rescan);
            assertThat(Phone.query(app)).containsEntry("session", seated.get("session"))
                    .containsEntry("guest", seated.get("guest"));
            assertThat(SignedJWT.parse(Phone.dinerToken(app)).getJWTClaimsSet().getSubject())
                    .isEqualTo(seated.get("guest"));
        }
        Map<String, String> other = Phone.query(Phone.admitted(otherPhone));
        assertThat(other.get("session")).isEqualTo(seated.get("session"));
        assertThat(other.get("guest")).isNotEqualTo(seated.get("guest"));
        assertThat(Phone.deviceCookie(otherPhone)).isNotEqualTo(Phone.deviceCookie(first));
        get(staff(tenant, Role.STAFF, location), "/api/v1/tables/{t}/session", table).expectStatus().isOk()
                .expectBody().jsonPath("$.guests").isEqualTo(2);
        get(Phone.dinerToken(Phone.admitted(andAgain)), "/api/v1/table-sessions/current").expectStatus().isOk()
                .expectBody().jsonPath("$.guests").isEqualTo(2);
    }

    @Test
    void thePhonesCookieGoesOnlyToTheScanPathNeverToScriptsAndOverHttpsOnlyOverHttps() {
        String code = code(createTable(owner, location, "4"));

        String overHttp = Phone.setCookie(Phone.scan(port, code, null));
        String overHttps = Phone.setCookie(Phone.scan(port, code, null, Map.of("X-Forwarded-Proto", "https")));

        assertThat(overHttp).matches("urop_device=[A-Za-z0-9_-]{22};.*").contains("; Path=/q/")
                .contains("; HttpOnly").contains("; SameSite=Lax").contains("; Max-Age=28800")
                .doesNotContain("Secure").doesNotContain("Domain");
        assertThat(overHttps).contains("; Secure").contains("; HttpOnly").contains("; Path=/q/");
    }

    @Test
    void aPhoneIsKnownOnlyInTheSessionItWasSeatedIn() {
        UUID four = createTable(owner, location, "4");
        HttpResponse<String> atFour = Phone.scan(port, code(four), null);
        String guestAtFour = Phone.query(Phone.admitted(atFour)).get("guest");

        HttpResponse<String> atFive = Phone.scanAgain(port, code(createTable(owner, location, "5")), atFour);
        HttpResponse<String> backAtFour = Phone.scanAgain(port, code(four), atFive);

        assertThat(Phone.query(Phone.admitted(atFive)).get("guest")).isNotEqualTo(guestAtFour);
        assertThat(Phone.deviceCookie(atFive)).isNotEqualTo(Phone.deviceCookie(atFour));
        assertThat(Phone.query(Phone.admitted(backAtFour)).get("guest")).isNotEqualTo(guestAtFour);
        assertThat(Phone.query(Phone.admitted(Phone.scanAgain(port, code(four), atFour))).get("guest"))
                .isEqualTo(guestAtFour);
    }

    @Test
    void aCookieThatIsNotOneOfOursSeatsANewGuestAndNeverPassesForAnother() {
        UUID table = createTable(owner, location, "4");
        String code = code(table);
        HttpResponse<String> seated = Phone.scan(port, code, null);
        String guest = Phone.query(Phone.admitted(seated)).get("guest");
        String value = Phone.deviceCookie(seated).substring("urop_device=".length());
        String oneCharacterOff = value.substring(0, 21) + (value.charAt(21) == 'A' ? 'B' : 'A');

        List<String> guests = new ArrayList<>();
        for (String cookie : List.of(oneCharacterOff, value + "A", value.substring(1), "../../etc", "%00",
                "x".repeat(3000), "")) {
            HttpResponse<String> scan = Phone.scan(port, code, null,
                    Map.of(HttpHeaders.COOKIE, "urop_device=" + cookie));
            guests.add(Phone.query(Phone.admitted(scan)).get("guest"));
            assertThat(Phone.deviceCookie(scan)).isNotEqualTo("urop_device=" + cookie)
                    .isNotEqualTo(Phone.deviceCookie(seated));
        }

        assertThat(guests).doesNotHaveDuplicates().doesNotContain(guest);
        get(owner, "/api/v1/tables/{t}/session", table).expectStatus().isOk().expectBody().jsonPath("$.guests")
                .isEqualTo(8);
    }

    @Test
    void aTableSeatsTwentyPhonesTheTwentyFirstIsToldWhyAndAPhoneAlreadySeatedStillScans() {
        UUID four = createTable(owner, location, "4");
        String code = code(four);
        HttpResponse<String> firstPhone = Phone.scan(port, code, null);
        String session = Phone.query(Phone.admitted(firstPhone)).get("session");
        for (int phone = 2; phone <= 20; phone++) {
            Phone.admitted(Phone.scan(port, code, null));
        }

        Phone.refused(Phone.scan(port, code, null), 409, "table-session-full");
        HttpResponse<String> page = Phone.scan(port, code, BROWSER);
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("text/html"));
        assertThat(page.body()).contains("<h1>Table full</h1>").contains("ask a member of staff");
        assertThat(Phone.query(Phone.admitted(Phone.scanAgain(port, code, firstPhone))).get("session"))
                .isEqualTo(session);
        String waiter = staff(tenant, Role.STAFF, location);
        get(waiter, "/api/v1/tables/{t}/session", four).expectStatus().isOk().expectBody().jsonPath("$.guests")
                .isEqualTo(20);
        get(waiter, "/api/v1/tables/{t}/scans", four).expectStatus().isOk().expectBody().jsonPath("$.scans")
                .isEqualTo(21);

        // pushed together with table 5, the party has room for twenty more phones
        UUID five = createTable(owner, location, "5");
        Phone.admitted(Phone.scan(port, code(five), null));
        post(waiter, "/api/v1/tables/" + four + "/session/merge", Map.of("fromTableId", five)).expectStatus().isOk();
        assertThat(Phone.query(Phone.admitted(Phone.scan(port, code, null))).get("session")).isEqualTo(session);

        call(waiter, http.delete().uri("/api/v1/tables/{t}/session", four)).expectStatus().isNoContent();
        assertThat(Phone.query(Phone.admitted(Phone.scan(port, code, null))).get("session")).isNotEqualTo(session);
    }
}
