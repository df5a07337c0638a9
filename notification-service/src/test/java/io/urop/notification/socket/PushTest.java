package io.urop.notification.socket;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.urop.contracts.DenyList;
import io.urop.contracts.Role;
import io.urop.events.order.OrderLineVoided;
import io.urop.events.order.OrderReady;
import io.urop.events.order.OrderRecalled;
import io.urop.events.order.PacingChanged;
import io.urop.events.order.TicketFired;
import io.urop.notification.NotificationServiceApplication;
import io.urop.notification.NotificationServiceTest;
import io.urop.notification.email.LinkIssuers;
import io.urop.test.InfrastructureInitializer;
import io.urop.test.http.StandInServices.Answer;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

class PushTest extends NotificationServiceTest {

    private static final Duration QUIET = Duration.ofMillis(1500);

    @Autowired
    private RestTestClient http;

    @Autowired
    private StringRedisTemplate redis;

    @Autowired
    private MeterRegistry meters;

    @LocalServerPort
    private int port;

    private final UUID tenant = UUID.randomUUID();
    private final UUID location = UUID.randomUUID();

    @Test
    void aSocketOpensOnlyWithATicketAndATicketOpensOneSocket() {
        http.post().uri("/api/v1/notifications/ws-tickets").exchange().expectStatus().isUnauthorized();
        String ticket = ticket(staff(Role.KITCHEN));

        assertThat(refusal(URI.create("ws://127.0.0.1:" + port + "/ws"))).isEqualTo(401);
        assertThat(refusal(URI.create("ws://127.0.0.1:" + port + "/ws?ticket=" + "A".repeat(43)))).isEqualTo(401);
        try (PushClient opened = PushClient.open(ws(port, ticket))) {
            assertThat(refusal(ws(port, ticket))).as("a ticket is used once").isEqualTo(401);
        }
    }

    @Test
    void eachPushReachesTheSocketsThatMayReadItAndNoOther() throws Exception {
        UUID session = UUID.randomUUID();
        String kitchen = staff(Role.KITCHEN);
        try (PushClient grill = follow(kitchen, "station:" + location + ":grill");
                PushClient bar = follow(kitchen, "station:" + location + ":bar");
                PushClient expeditor = follow(staff(Role.MANAGER), "location:" + location);
                PushClient anna = follow(diner(session), "session:" + session);
                PushClient nextTable = follow(diner(UUID.randomUUID()), null);
                PushClient rival = follow(TestTokens.user(UUID.randomUUID(), Role.KITCHEN).sign(),
                        "station:" + location + ":grill")) {
            nextTable.subscribe("session:" + UUID.randomUUID());
            assertThat(nextTable.next().path("data").path("status").asInt()).as("another table's").isEqualTo(403);
            anna.subscribe("station:" + location + ":grill");
            assertThat(anna.next().path("data").path("status").asInt()).as("a diner in the kitchen").isEqualTo(403);
            try (PushClient elsewhere = follow(TestTokens.user(tenant, Role.MANAGER).locations(UUID.randomUUID())
                    .sign(), null)) {
                elsewhere.subscribe("location:" + location);
                assertThat(elsewhere.next().path("data").path("status").asInt()).isEqualTo(403);
            }
            anna.send("not json");
            assertThat(anna.next().path("data").path("status").asInt()).isEqualTo(400);
            anna.subscribe("kitchen");
            assertThat(anna.next().path("data").path("status").asInt()).isEqualTo(400);
            try (PushClient greedy = follow(kitchen, null)) {
                for (int i = 0; i < PushSocketHandler.MAX_STREAMS; i++) {
                    greedy.subscribe("station:" + UUID.randomUUID() + ":grill");
                    assertThat(greedy.next().path("type").asString()).isEqualTo("subscribed");
                }
                greedy.subscribe("station:" + location + ":grill");
                assertThat(greedy.next().path("data").path("status").asInt()).as("one stream too many").isEqualTo(429);
            }

            UUID ticket = fire("grill", session);
            UUID order = UUID.randomUUID();
            String ready = codec.encode(codec.envelope(new OrderReady(order, tenant, location, session, "chef-anna",
                    Instant.now()), tenant, order.toString(), null));
            kafka.send("order.events", order.toString(), ready);
            kafka.send("order.events", order.toString(), ready);

            JsonNode fired = grill.next();
            assertThat(fired.path("type").asString()).isEqualTo("ticket.fired");
            assertThat(fired.path("stream").asString()).isEqualTo("station:" + location + ":grill");
            assertThat(fired.path("data").path("ticketId").asString()).isEqualTo(ticket.toString());
            assertThat(fired.path("seq").asString()).matches("[0-9]+-[0-9]+");
            List<JsonNode> atThePass = expeditor.next(2);
            assertThat(PushClient.ofType(atThePass, "ticket.fired").path("data").path("ticketId").asString())
                    .isEqualTo(ticket.toString());
            assertThat(PushClient.ofType(atThePass, "order.ready").path("data").path("by").asString())
                    .isEqualTo("chef-anna");
            JsonNode readyForAnna = anna.next();
            assertThat(readyForAnna.path("type").asString()).isEqualTo("order.ready");
            assertThat(readyForAnna.path("data").path("orderId").asString()).isEqualTo(order.toString());
            assertThat(readyForAnna.path("data").has("by")).as("who cooked is the kitchen's business").isFalse();

            publish("order.events", new OrderRecalled(order, tenant, location, session, "chef-anna", Instant.now()),
                    tenant, order);
            assertThat(expeditor.next().path("type").asString()).isEqualTo("order.recalled");
            JsonNode recalledForAnna = anna.next();
            assertThat(recalledForAnna.path("type").asString()).as("the order is being prepared again")
                    .isEqualTo("order.recalled");
            assertThat(recalledForAnna.path("data").path("orderId").asString()).isEqualTo(order.toString());
            assertThat(recalledForAnna.path("data").has("by")).isFalse();

            UUID line = UUID.randomUUID();
            publish("order.events", new OrderLineVoided(order, tenant, location, session, line, "sent back", 1250,
                    "manager-bea", Instant.now(), List.of("bar")), tenant, order);
            JsonNode struckAtTheBar = bar.next();
            assertThat(struckAtTheBar.path("type").asString()).isEqualTo("order.line-voided");
            assertThat(struckAtTheBar.path("data").path("lineId").asString()).isEqualTo(line.toString());
            assertThat(expeditor.next().path("type").asString()).isEqualTo("order.line-voided");
            assertThat(anna.next().path("data").has("by")).isFalse();

            try (PushClient menu = follow(diner(session), "menu:" + location)) {
                publish("order.events", new PacingChanged(tenant, location, true, null, Map.of("grill", 40), "manager-bea",
                        Instant.now()), tenant, location);
                JsonNode paused = menu.next();
                assertThat(paused.path("type").asString()).isEqualTo("order.pacing-changed");
                assertThat(paused.path("data").path("onlineOrderingPaused").asBoolean()).isTrue();
                assertThat(paused.path("data").has("by")).isFalse();
                assertThat(paused.path("data").has("maxPrepMinutesPerStation")).as("the kitchen's own").isFalse();
                JsonNode pacedForStaff = expeditor.next().path("data");
                assertThat(pacedForStaff.path("by").asString()).isEqualTo("manager-bea");
                assertThat(pacedForStaff.path("maxPrepMinutesPerStation").path("grill").asInt()).isEqualTo(40);
            }

            assertThat(grill.drain(QUIET)).as("a line voided at another station").isEmpty();
            assertThat(expeditor.drain(QUIET)).as("the event sent twice is pushed once").isEmpty();
            assertThat(anna.drain(QUIET)).isEmpty();
            assertThat(bar.drain(QUIET)).as("another station's ticket").isEmpty();
            assertThat(nextTable.drain(QUIET)).as("another table").isEmpty();
            assertThat(rival.drain(QUIET)).as("another tenant's kitchen at a location of the same id").isEmpty();
        }
    }

    @Test
    void theFramesPushedAndTheSocketsHeldAreMeasuredForTheOperators() throws Exception {
        double pushedBefore = meters.get("urop.pushes").counter().count();
        double openBefore = meters.get("urop.sockets.open").gauge().value();
        try (PushClient grill = follow(staff(Role.KITCHEN), "station:" + location + ":grill")) {
            assertThat(meters.get("urop.sockets.open").gauge().value()).isEqualTo(openBefore + 1);
            fire("grill", null);
            assertThat(grill.next().path("type").asString()).isEqualTo("ticket.fired");
            // counted once the server's send returns, which may be just after the client has read the frame
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(meters.get("urop.pushes").counter().count() - pushedBefore)
                            .as("the subscription's acknowledgement and the ticket").isEqualTo(2));
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(meters.get("urop.sockets.open").gauge().value()).isEqualTo(openBefore));
    }

    @Test
    void aScreenTooFarBehindForItsStreamStartsAgainFromWhatItShowsNowAndGoesOnLive() throws Exception {
        String kitchen = staff(Role.KITCHEN);
        String grill = "station:" + location + ":grill";
        UUID open;
        String last;
        try (PushClient tablet = follow(kitchen, grill);
                PushClient pastry = follow(kitchen, "station:" + location + ":pastry")) {
            open = fire("grill", null);
            fire("pastry", null);
            last = tablet.next().path("seq").asString();
            pastry.next();
        }
        String screens = "/internal/v1/tenants/" + tenant + "/kitchen/stations/";
        OrderScreens.INSTANCE.show(screens + "grill/tickets", Answer.ok("[{\"id\": \"" + open + "\"}]"));
        OrderScreens.INSTANCE.show(screens + "pastry/tickets", Answer.problem(503));

        try (PushClient tablet = follow(kitchen, null)) {
            // a seq long gone: the stream no longer holds what came after it
            tablet.subscribe(grill, "1-0");
            JsonNode snapshot = tablet.next();
            assertThat(snapshot.path("type").asString()).isEqualTo("snapshot");
            assertThat(snapshot.path("data").path("tickets").findValuesAsString("id")).containsExactly(open.toString());
            assertThat(snapshot.path("data").path("seq").asString()).as("it goes on from there").isEqualTo(last);
            UUID next = fire("grill", null);
            assertThat(tablet.next().path("data").path("ticketId").asString()).isEqualTo(next.toString());

            tablet.subscribe("station:" + location + ":pastry", "1-0");
            assertThat(tablet.next().path("type").asString()).as("order-service cannot tell now: re-read later")
                    .isEqualTo("resync");
        }
    }

    @Test
    void aTabletThatReconnectsWithItsLastSeqToEitherInstanceMissesNothingAndSeesNothingTwice() throws Exception {
        String kitchen = staff(Role.KITCHEN);
        String grill = "station:" + location + ":grill";
        String last;
        try (PushClient tablet = follow(kitchen, grill)) {
            fire("grill", null);
            fire("grill", null);
            last = tablet.next(2).get(1).path("seq").asString();
        }
        List<UUID> whileOffline = List.of(fire("grill", null), fire("grill", null), fire("grill", null));
        Thread.sleep(10_000);

        try (ConfigurableApplicationContext other = secondInstance()) {
            int otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
            String resumedAt;
            try (PushClient tablet = PushClient.open(ws(otherPort, ticket(kitchen)))) {
                tablet.subscribe(grill, last);
                assertThat(tablet.next().path("type").asString()).isEqualTo("subscribed");
                // in the order they were committed: tickets of different orders may be in either
                List<JsonNode> missed = tablet.next(3);
                assertThat(missed).extracting(frame -> frame.path("data").path("ticketId").asString())
                        .containsExactlyInAnyOrderElementsOf(whileOffline.stream().map(UUID::toString).toList());
                assertThat(missed).extracting(frame -> frame.path("seq").asString()).isSortedAccordingTo(
                        Comparator.comparing((String seq) -> Long.parseLong(seq.split("-")[0]))
                                .thenComparing(seq -> Long.parseLong(seq.split("-")[1])));
                UUID live = fire("grill", null);
                JsonNode pushed = tablet.next();
                assertThat(pushed.path("data").path("ticketId").asString()).isEqualTo(live.toString());
                resumedAt = pushed.path("seq").asString();
                assertThat(tablet.drain(QUIET)).as("nothing twice").isEmpty();
            }
            UUID meanwhile = fire("grill", null);
            try (PushClient tablet = follow(kitchen, null)) {
                tablet.subscribe(grill, resumedAt);
                assertThat(tablet.next().path("type").asString()).isEqualTo("subscribed");
                assertThat(tablet.next().path("data").path("ticketId").asString()).as("back on the first instance")
                        .isEqualTo(meanwhile.toString());
                assertThat(tablet.drain(QUIET)).isEmpty();
            }
        }
    }

    @Test
    void aSocketClosesWithinSecondsOfItsSessionBeingRevokedOrItsTokenExpiring() throws Exception {
        String session = UUID.randomUUID().toString();
        try (PushClient revoked = follow(TestTokens.user(tenant, Role.STAFF).session(session).sign(), null);
                PushClient expiring = follow(TestTokens.user(tenant, Role.STAFF)
                        .expiresAt(Instant.now().plusSeconds(3)).sign(), null)) {
            redis.opsForValue().set(DenyList.KEY_PREFIX + session, "revoked", Duration.ofMinutes(1));
            assertThat(revoked.closeCode(Duration.ofSeconds(10))).isEqualTo(SocketKeeper.REVOKED);
            assertThat(expiring.closeCode(Duration.ofSeconds(10))).isEqualTo(SocketKeeper.EXPIRED);
        }
    }

    private UUID fire(String station, UUID session) {
        UUID ticket = UUID.randomUUID();
        publish("order.events", new TicketFired(ticket, UUID.randomUUID(), tenant, location, station, null,
                "Table 4", session, 0, 1, List.of(), Instant.now()), tenant, ticket);
        return ticket;
    }

    private PushClient follow(String token, String stream) throws InterruptedException {
        PushClient client = PushClient.open(ws(port, ticket(token)));
        if (stream != null) {
            client.subscribe(stream);
            assertThat(client.next().path("type").asString()).isEqualTo("subscribed");
        }
        return client;
    }

    private String ticket(String token) {
        String answer = http.post().uri("/api/v1/notifications/ws-tickets")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isCreated()
                .returnResult(String.class).getResponseBody();
        return JsonPath.read(answer, "$.ticket");
    }

    private String staff(Role role) {
        return TestTokens.user(tenant, role).sign();
    }

    private String diner(UUID session) {
        return TestTokens.user(tenant, Role.DINER).session(session.toString()).locations(location).sign();
    }

    private static URI ws(int port, String ticket) {
        return URI.create("ws://127.0.0.1:" + port + "/ws?ticket=" + ticket);
    }

    private static int refusal(URI uri) {
        Throwable refused = catchThrowable(() -> PushClient.open(uri).close());
        assertThat(refused).isInstanceOf(CompletionException.class);
        assertThat(refused.getCause()).isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode();
    }

    /** Another instance of notification-service, in the same consumer group, on a port of its own. */
    private static ConfigurableApplicationContext secondInstance() {
        String instances = "spring.cloud.discovery.client.simple.instances.";
        return new SpringApplicationBuilder(NotificationServiceApplication.class)
                .initializers(new InfrastructureInitializer())
                .properties(Map.of("server.port", "0", "spring.cloud.config.enabled", "false",
                        "spring.cloud.config.import-check.enabled", "false", "eureka.client.enabled", "false",
                        instances + "auth-service[0].uri", LinkIssuers.INSTANCE.uri(),
                        instances + "tenant-service[0].uri", LinkIssuers.INSTANCE.uri()))
                .run();
    }
}
