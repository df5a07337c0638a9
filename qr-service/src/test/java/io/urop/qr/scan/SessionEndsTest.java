package io.urop.qr.scan;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.urop.qr.QrServiceTest;
import io.urop.contracts.Role;
import io.urop.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table's code is not a permanent key: besides staff and a settled bill, a session ends at its maximum life however
 * busy, and when its table's code is replaced or the table taken out of service; each time as staff would close it,
 * {@code table.session-closed} included (auth-service then refuses its diners' tokens).
 */
class SessionEndsTest extends QrServiceTest {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void aBusySessionEndsAtItsMaximumLifeAndTheNextScanOpensAFreshOne() {
        UUID table = createTable(owner, location, "4");
        String code = code(table);
        HttpResponse<String> scanned = Phone.scan(port, code, null);
        URI app = Phone.admitted(scanned);
        String session = Phone.query(app).get("session");
        String diner = Phone.dinerToken(app);

        clock.moveForward(Duration.ofHours(7).plusMinutes(59));
        assertThat(Phone.query(Phone.admitted(Phone.scanAgain(port, code, scanned))).get("session")).isEqualTo(session);
        get(diner, "/api/v1/table-sessions/current").expectStatus().isOk();
        clock.moveForward(Duration.ofMinutes(2));

        get(diner, "/api/v1/table-sessions/current").expectStatus().isEqualTo(410);
        String next = Phone.query(Phone.admitted(Phone.scanAgain(port, code, scanned))).get("session");
        assertThat(next).isNotEqualTo(session);
        assertThat(closings(table, session)).hasSize(1)
                .allSatisfy(r -> assertThat(r.value()).contains("MAX_LIFE_REACHED"));
        get(owner, "/api/v1/tables/{t}/session", table).expectStatus().isOk().expectBody()
                .jsonPath("$.sessionId").isEqualTo(next).jsonPath("$.guests").isEqualTo(1)
                .jsonPath("$.endsAt").isNotEmpty();
    }

    @Test
    void aSessionNobodyUsesAnyMoreIsClosedWhenItReachesItsMaximumLife() {
        UUID table = createTable(owner, location, "4");
        String session = Phone.query(Phone.admitted(Phone.scan(port, code(table), null))).get("session");

        clock.moveForward(Duration.ofHours(8).plusMinutes(1));

        assertThat(closings(table, session)).hasSize(1)
                .allSatisfy(r -> assertThat(r.value()).contains("MAX_LIFE_REACHED"));
        get(owner, "/api/v1/tables/{t}/session", table).expectStatus().isNotFound();
    }

    @Test
    void replacingATablesCodeEndsItsSessionAndItsDinersTokens() {
        UUID table = createTable(owner, location, "4");
        URI app = Phone.admitted(Phone.scan(port, code(table), null));
        String session = Phone.query(app).get("session");

        post(owner, "/api/v1/tables/" + table + "/qr-rotation", null).expectStatus().isOk();

        get(owner, "/api/v1/tables/{t}/session", table).expectStatus().isNotFound();
        get(Phone.dinerToken(app), "/api/v1/table-sessions/current").expectStatus().isEqualTo(410);
        assertThat(closings(table, session)).hasSize(1)
                .allSatisfy(r -> assertThat(r.value()).contains("CODE_ROTATED"));
        assertThat(Phone.query(Phone.admitted(Phone.scan(port, code(table), null))).get("session"))
                .isNotEqualTo(session);
    }

    @Test
    void takingATableOutOfServiceEndsItsSessionAndItsDinersTokens() {
        UUID table = createTable(owner, location, "4");
        String code = code(table);
        URI app = Phone.admitted(Phone.scan(port, code, null));
        String session = Phone.query(app).get("session");
        String manager = staff(tenant, Role.MANAGER, location);

        post(manager, "/api/v1/tables/" + table + "/deactivation", null).expectStatus().isOk();

        get(manager, "/api/v1/tables/{t}/session", table).expectStatus().isNotFound();
        get(Phone.dinerToken(app), "/api/v1/table-sessions/current").expectStatus().isEqualTo(410);
        assertThat(closings(table, session)).hasSize(1)
                .allSatisfy(r -> assertThat(r.value()).contains("TABLE_DEACTIVATED"));
        post(manager, "/api/v1/tables/" + table + "/activation", null).expectStatus().isOk();
        assertThat(Phone.query(Phone.admitted(Phone.scan(port, code, null))).get("session")).isNotEqualTo(session);
    }

    /** The {@code table.session-closed} events of the session, once at least one arrived. */
    private List<ConsumerRecord<String, String>> closings(UUID table, String session) {
        return TopicReader.await(bootstrap, "table.events", r -> r.key().equals(table.toString())
                && r.value().contains("\"table.session-closed\"") && r.value().contains(session), 1,
                Duration.ofSeconds(20));
    }
}
