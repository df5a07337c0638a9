package io.urop.auth.diner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.urop.auth.AuthClient.Tokens;
import io.urop.auth.AuthClient;
import io.urop.auth.RedisKeys;
import io.urop.contracts.DenyList;
import io.urop.contracts.Role;
import io.urop.events.EventCodec;
import io.urop.events.Uuid7;
import io.urop.events.table.TableSessionClosed;
import io.urop.test.ServiceIntegrationTest;
import io.urop.test.TopicReader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * qr-service closes a table session on {@code table.events}; the gateway refuses the tokens of what is on the
 * deny-list. Events of one table share its key, so once a later event of that table is handled, an earlier one was.
 */
@ServiceIntegrationTest
class ClosedTableSessionsTest {

    /** A diner's token lives 3 h, and verifiers accept it 30 s longer. */
    private static final long DINER_LISTING_MILLIS = Duration.ofHours(3).plusSeconds(30).toMillis();

    @Autowired
    RestTestClient http;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    StringRedisTemplate redis;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    final UUID tenant = Uuid7.next();
    final UUID location = Uuid7.next();
    final UUID table = Uuid7.next();

    AuthClient auth() {
        return new AuthClient(http);
    }

    @Test
    void aMintedTokenRecordsWhoseTableSessionItIs() {
        UUID session = Uuid7.next();
        mintDinerToken(tenant, session);

        assertThat(redis.opsForValue().get(RedisKeys.tableSession(session))).isEqualTo(tenant.toString());
        assertThat(redis.getExpire(RedisKeys.tableSession(session)))
                .isBetween(DINER_LISTING_MILLIS / 1000 - 5, DINER_LISTING_MILLIS / 1000);
    }

    @Test
    void aClosedSessionEndsItsDinersTokensAndThoseOfTheSessionsMergedIntoIt() {
        UUID session = Uuid7.next();
        UUID mergedFirst = Uuid7.next();
        UUID mergedLater = Uuid7.next();
        for (UUID each : List.of(session, mergedFirst, mergedLater)) {
            mintDinerToken(tenant, each);
        }

        send(closed(tenant, session, mergedFirst, mergedLater));

        for (UUID each : List.of(session, mergedFirst, mergedLater)) {
            awaitListed(each);
            assertThat(redis.getExpire(DenyList.key(each)))
                    .isBetween(DINER_LISTING_MILLIS / 1000 - 10, DINER_LISTING_MILLIS / 1000);
            assertThat(streamEntries(each)).singleElement().satisfies(entry -> assertThat(
                    Long.parseLong((String) entry.getValue().get("until")) - System.currentTimeMillis())
                    .isBetween(DINER_LISTING_MILLIS - 10_000, DINER_LISTING_MILLIS + 1_000));
        }
    }

    @Test
    void anotherTenantCannotEndATenantsDiners() {
        UUID someoneElse = Uuid7.next();
        UUID theirSession = Uuid7.next();
        UUID theirOtherSession = Uuid7.next();
        mintDinerToken(someoneElse, theirSession);
        mintDinerToken(someoneElse, theirOtherSession);
        UUID ours = Uuid7.next();
        mintDinerToken(tenant, ours);

        send(closed(tenant, theirSession));
        send(closed(tenant, ours, theirOtherSession));

        awaitListed(ours);
        assertNotListed(theirSession);
        assertNotListed(theirOtherSession);
    }

    @Test
    void aStaffSignInIsNeverEndedAsATableSession() {
        String email = AuthClient.uniqueEmail("waiter");
        auth().createAccount(tenant, email, Role.STAFF);
        Tokens staff = auth().signIn(email);
        UUID diners = Uuid7.next();
        mintDinerToken(tenant, diners);

        send(closed(tenant, staff.sessionId()));
        send(closed(tenant, diners, staff.sessionId()));

        awaitListed(diners);
        assertNotListed(staff.sessionId());
        auth().refresh(staff.refreshToken()).expectStatus().isOk();
    }

    @Test
    void aClosingDeliveredTwiceIsHandledOnce() {
        UUID session = Uuid7.next();
        mintDinerToken(tenant, session);
        String message = closed(tenant, session);
        UUID next = Uuid7.next();
        mintDinerToken(tenant, next);

        send(message);
        send(message);
        send(closed(tenant, next));

        awaitListed(next);
        assertThat(redis.hasKey(DenyList.key(session))).isTrue();
        assertThat(streamEntries(session)).hasSize(1);
        assertThat(TopicReader.await(bootstrap, "table.events.DLT", r -> table.toString().equals(r.key()), 0,
                Duration.ofSeconds(5))).isEmpty();
    }

    private void mintDinerToken(UUID tenantId, UUID tableSession) {
        String qrService = auth().serviceToken(AuthClient.QR_CLIENT_ID, AuthClient.QR_CLIENT_SECRET);
        String body = http.post().uri("/internal/v1/diner-tokens")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + qrService)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("tenantId", tenantId, "locationId", location, "tableId", table,
                        "tableSessionId", tableSession, "guestId", Uuid7.next()))
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody();
        assertThat((String) JsonPath.read(body, "$.accessToken")).isNotBlank();
    }

    /** As qr-service publishes it: keyed by the table. */
    private String closed(UUID tenantId, UUID session, UUID... merged) {
        TableSessionClosed closed = new TableSessionClosed(session, tenantId, location, table, List.of(table),
                List.of(merged), TableSessionClosed.Reason.CLOSED_BY_STAFF, Instant.now());
        return codec.encode(codec.envelope(closed, tenantId, table.toString(), null));
    }

    private void send(String message) {
        kafka.send("table.events", table.toString(), message).join();
    }

    private void awaitListed(UUID session) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(redis.hasKey(DenyList.key(session))).isTrue());
    }

    private void assertNotListed(UUID session) {
        assertThat(redis.hasKey(DenyList.key(session))).isFalse();
        assertThat(streamEntries(session)).isEmpty();
    }

    private List<MapRecord<String, Object, Object>> streamEntries(UUID session) {
        return redis.opsForStream().range(RedisKeys.REVOCATION_STREAM, Range.unbounded()).stream()
                .filter(entry -> session.toString().equals(entry.getValue().get("sid")))
                .toList();
    }
}
