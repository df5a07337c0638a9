package io.urop.order.pacing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.urop.contracts.Role;
import io.urop.order.OrderServiceTest;
import io.urop.order.TestMenus;
import io.urop.order.TodaysSpecial;
import io.urop.test.TopicReader;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.urop.order.TestMenus.FRIES;
import static io.urop.order.TestMenus.LARGE;
import static io.urop.order.TestMenus.SIDE;
import static io.urop.order.TodaysSpecial.special;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PacingTest extends OrderServiceTest {

    private static final String SLOT_FULL = "https://urop.io/problems/slot-full";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    String manager;

    @BeforeEach
    void aSpecialOfFiveMinutesAtTheGrillAndTimeLeftInTheSlot() {
        manager = member(Role.MANAGER);
        serve(location, TodaysSpecial.menu(menu, tenant, 2, 5));
        timeLeftInTheSlot(Duration.ofSeconds(40));
    }

    @Test
    void whileOnlineOrderingIsPausedDinersAreRefusedAndStaffStillOrder() {
        get(member(Role.KITCHEN), "/api/v1/kitchen/pacing?locationId={l}", location).expectStatus().isOk().expectBody()
                .jsonPath("$.onlineOrderingPaused").isEqualTo(false)
                .jsonPath("$.maxOrdersPerSlot").doesNotExist()
                .jsonPath("$.maxPrepMinutesPerStation").isEmpty();

        pacing(manager, Map.of("onlineOrderingPaused", true)).expectStatus().isOk().expectBody()
                .jsonPath("$.onlineOrderingPaused").isEqualTo(true);
        double refusedBefore = refusals("paused");

        place(diner().token(), "k-1", Map.of("lines", List.of(special(1)))).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://urop.io/problems/ordering-paused");
        assertThat(ordersOfTenant()).isZero();
        assertThat(refusals("paused") - refusedBefore).as("refusals counted for the operators").isOne();
        placed(member(Role.STAFF), Map.of("locationId", location, "channel", "COUNTER", "lines", List.of(special(1))));

        pacing(manager, Map.of("onlineOrderingPaused", false)).expectStatus().isOk();
        placed(diner().token(), Map.of("lines", List.of(special(1))));
        assertThat(ordersOfTenant()).isEqualTo(2);
    }

    @Test
    void managersSetTheLocationsPacingTheKitchenReadsItAndNoOneElseFindsIt() {
        Map<String, Object> body = Map.of("onlineOrderingPaused", false, "maxOrdersPerSlot", 8,
                "maxPrepMinutesPerStation", Map.of("grill", 50, "bar", 30));

        pacing(member(Role.KITCHEN), body).expectStatus().isForbidden();
        pacing(member(Role.STAFF), body).expectStatus().isForbidden();
        pacing(member(Role.OWNER), body).expectStatus().isOk();
        get(member(Role.KITCHEN), "/api/v1/kitchen/pacing?locationId={l}", location).expectStatus().isOk().expectBody()
                .jsonPath("$.maxOrdersPerSlot").isEqualTo(8)
                .jsonPath("$.maxPrepMinutesPerStation.grill").isEqualTo(50)
                .jsonPath("$.maxPrepMinutesPerStation.bar").isEqualTo(30);
        var announced = TopicReader.await(bootstrap, "order.events",
                r -> location.toString().equals(r.key()) && r.value().contains("\"order.pacing-changed\""), 1,
                Duration.ofSeconds(20));
        assertThat(announced).as("one change, announced once, for the screens and open menus").hasSize(1);
        assertThat((Integer) JsonPath.read(announced.get(0).value(), "$.payload.maxPrepMinutesPerStation.grill"))
                .isEqualTo(50);

        get(diner().token(), "/api/v1/kitchen/pacing?locationId={l}", location).expectStatus().isForbidden();
        String elsewhere = TestTokens.user(tenant, Role.MANAGER).subject(UUID.randomUUID().toString())
                .locations(UUID.randomUUID()).sign();
        get(elsewhere, "/api/v1/kitchen/pacing?locationId={l}", location).expectStatus().isNotFound();
        pacing(elsewhere, body).expectStatus().isNotFound();
        String otherTenant = TestTokens.user(UUID.randomUUID(), Role.OWNER).sign();
        get(otherTenant, "/api/v1/kitchen/pacing?locationId={l}", location).expectStatus().isNotFound();
        pacing(otherTenant, body).expectStatus().isNotFound();

        pacing(manager, Map.of("onlineOrderingPaused", false, "maxOrdersPerSlot", 0)).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        pacing(manager, Map.of("maxOrdersPerSlot", 3)).expectStatus().isBadRequest();
        get(manager, "/api/v1/kitchen/pacing?locationId={l}", location).expectBody()
                .jsonPath("$.maxOrdersPerSlot").isEqualTo(8);
    }

    @Test
    void aSlotTakesNoMoreDinersOrdersThanItsCapWhileStaffOrdersStillGoIn() {
        pacing(manager, Map.of("onlineOrderingPaused", false, "maxOrdersPerSlot", 2)).expectStatus().isOk();
        placed(diner().token(), Map.of("lines", List.of(lemonade(LARGE))));
        placed(diner().token(), Map.of("lines", List.of(lemonade(LARGE))));

        Instant slot = currentSlot();
        double refusedBefore = refusals("slot-full");
        place(diner().token(), "k-3", Map.of("lines", List.of(lemonade(LARGE)))).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(SLOT_FULL)
                .jsonPath("$.slotStart").isEqualTo(slot.toString())
                .jsonPath("$.nextSlotWithRoom").isEqualTo(slot.plus(Slots.LENGTH).toString());
        placed(member(Role.STAFF), Map.of("locationId", location, "channel", "TAKEAWAY", "lines", List.of(lemonade(LARGE))));

        assertThat(ordersOfTenant()).isEqualTo(3);
        assertThat(ordersBooked(slot)).isEqualTo(3);
        assertThat(refusals("slot-full") - refusedBefore).isOne();
    }

    private double refusals(String reason) {
        Counter counter = meters.find("urop.pacing.refusals").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aStationTakesNoMorePrepMinutesThanItsCapAndARefusedOrderChangesNothing() {
        pacing(manager, Map.of("onlineOrderingPaused", false, "maxPrepMinutesPerStation", Map.of("grill", 30)))
                .expectStatus().isOk();
        Instant slot = currentSlot();
        placed(diner().token(), Map.of("lines", List.of(special(4))));

        Diner diner = diner();
        // 15 more minutes at the grill: 35 of 30
        place(diner.token(), "k-1", Map.of("lines", List.of(special(3), lemonade(LARGE)))).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo(SLOT_FULL)
                .jsonPath("$.station").isEqualTo("grill")
                .jsonPath("$.nextSlotWithRoom").isEqualTo(slot.plus(Slots.LENGTH).toString());
        assertThat(ordersOfTenant()).isEqualTo(1);
        assertThat(ordersBooked(slot)).isEqualTo(1);
        assertThat(minutesBooked(slot, "grill")).isEqualTo(20);
        assertThat(minutesBooked(slot, "bar")).isZero();
        assertThat(SUPERUSER.queryForObject("select count(*) from slot_bookings where tenant_id = ?", Long.class, tenant))
                .isEqualTo(1);

        // the refused request claimed nothing: its key places a smaller order; another station has no cap
        place(diner.token(), "k-1", Map.of("lines", List.of(special(2), lemonade(LARGE)))).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "false");
        place(diner().token(), "k-2", Map.of("lines", List.of(special(1)))).expectStatus().isEqualTo(409);
        placed(diner().token(), Map.of("lines", List.of(lemonade(LARGE))));
        assertThat(minutesBooked(slot, "grill")).isEqualTo(30);
        assertThat(minutesBooked(slot, "bar")).isEqualTo(4);
        assertThat(ordersBooked(slot)).isEqualTo(3);
    }

    @Test
    void twoHundredDinersOrderingAtOnceGetExactlyWhatFitsTheGrill() throws Exception {
        timeLeftInTheSlot(Duration.ofSeconds(90));
        pacing(manager, Map.of("onlineOrderingPaused", false, "maxPrepMinutesPerStation", Map.of("grill", 50)))
                .expectStatus().isOk();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tokens.add(diner().token());
        }
        String body = json.writeValueAsString(Map.of("lines", List.of(special(1))));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService diners = Executors.newFixedThreadPool(200);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (String token : tokens) {
                answers.add(diners.submit(() -> {
                    start.await();
                    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/orders"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token)
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            Instant slot = currentSlot();
            int accepted = 0;
            int refused = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 201) {
                    accepted++;
                }
                else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
                    assertThat((String) JsonPath.read(response.body(), "$.type")).isEqualTo(SLOT_FULL);
                    assertThat((String) JsonPath.read(response.body(), "$.nextSlotWithRoom"))
                            .isEqualTo(slot.plus(Slots.LENGTH).toString());
                    refused++;
                }
            }

            assertThat(accepted).isEqualTo(10);
            assertThat(refused).isEqualTo(190);
            assertThat(minutesBooked(slot, "grill")).isEqualTo(50);
            assertThat(ordersBooked(slot)).isEqualTo(10);
            assertThat(ordersOfTenant()).isEqualTo(10);
        }
        finally {
            diners.shutdownNow();
        }
    }

    @Test
    void aDinerOrdersForTheNextSlotWithRoomAndItsTicketsWaitForItsStart() {
        pacing(manager, Map.of("onlineOrderingPaused", false, "maxOrdersPerSlot", 1)).expectStatus().isOk();
        String cook = member(Role.KITCHEN);
        placed(diner().token(), Map.of("lines", List.of(burger(1, choice(SIDE, FRIES)))));
        Diner diner = diner();
        String refused = place(diner.token(), "k-1", Map.of("lines", List.of(special(1)))).expectStatus().isEqualTo(409)
                .returnResult(String.class).getResponseBody();
        Instant next = Instant.parse(JsonPath.read(refused, "$.nextSlotWithRoom"));
        assertThat(next).isEqualTo(currentSlot().plus(Slots.LENGTH));

        UUID later = placed(diner.token(), Map.of("lines", List.of(special(1), lemonade(LARGE)),
                "scheduledFor", next.toString()));

        assertThat((List<String>) JsonPath.read(station(cook, "grill"), "$[*].items[*].name")).containsExactly("Burger");
        assertThat(station(cook, "bar")).isEqualTo("[]");
        String held = get(cook, "/api/v1/kitchen/tickets/held?locationId={l}", location).expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat((List<String>) JsonPath.read(held, "$[*].heldFor")).containsExactly("SCHEDULE", "SCHEDULE");
        assertThat((List<String>) JsonPath.read(held, "$[*].orderId")).containsOnly(later.toString());
        assertThat(ordersBooked(next)).isEqualTo(1);

        // the next slot is full now too; staff order ahead into it all the same
        place(diner().token(), "k-2", Map.of("lines", List.of(special(1)), "scheduledFor", next.toString()))
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.nextSlotWithRoom").isEqualTo(next.plus(Slots.LENGTH).toString());
        UUID ahead = placed(member(Role.STAFF), Map.of("locationId", location, "channel", "TAKEAWAY",
                "lines", List.of(special(1)), "scheduledFor", next.toString()));
        assertThat(ordersBooked(next)).isEqualTo(2);

        // its slot starts (moved to now in the database, rather than waiting for it)
        SUPERUSER.update("update slot_bookings set fires_at = now() - interval '1 second' where order_id = ?", later);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat((List<String>) JsonPath.read(station(cook, "bar"), "$[*].items[*].name"))
                        .containsExactly("Lemonade"));
        assertThat((List<String>) JsonPath.read(station(cook, "grill"), "$[*].items[*].name"))
                .containsExactly("Burger", "Daily special");
        var fired = TopicReader.await(bootstrap, "order.events",
                r -> later.toString().equals(r.key()) && r.value().contains("\"ticket.fired\""), 2,
                Duration.ofSeconds(20));
        assertThat(fired).hasSize(2);
        // rounds of the firing have passed meanwhile: the order whose slot is still to come waits
        String stillHeld = get(cook, "/api/v1/kitchen/tickets/held?locationId={l}", location).expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat((List<String>) JsonPath.read(stillHeld, "$[*].orderId")).containsExactly(ahead.toString());
        assertThat((List<String>) JsonPath.read(stillHeld, "$[*].heldFor")).containsExactly("SCHEDULE");
    }

    @Test
    void aScheduledOrderIsForTheStartOfASlotToComeWithinReach() {
        Instant current = currentSlot();
        for (Instant wrong : List.of(current, current.plus(Slots.LENGTH).plusSeconds(60),
                current.plus(Duration.ofHours(5)))) {
            place(diner().token(), UUID.randomUUID().toString(), Map.of("lines", List.of(special(1)),
                    "scheduledFor", wrong.toString()))
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("scheduledFor");
        }
        assertThat(ordersOfTenant()).isZero();
    }

    @Test
    void aCancelledOrRejectedOrderFreesWhatItBooked() {
        pacing(manager, Map.of("onlineOrderingPaused", false, "maxOrdersPerSlot", 1,
                "maxPrepMinutesPerStation", Map.of("grill", 50))).expectStatus().isOk();
        Instant slot = currentSlot();
        Diner first = diner();
        UUID cancelled = placed(first.token(), Map.of("lines", List.of(special(2))));
        place(diner().token(), "k-1", Map.of("lines", List.of(special(3)))).expectStatus().isEqualTo(409);

        act(first.token(), cancelled, "cancellation", null).expectStatus().isOk();
        assertThat(ordersBooked(slot)).isZero();
        assertThat(minutesBooked(slot, "grill")).isZero();
        UUID rejected = placed(diner().token(), Map.of("lines", List.of(special(3))));
        assertThat(minutesBooked(slot, "grill")).isEqualTo(15);

        act(member(Role.KITCHEN), rejected, "rejection", Map.of("reason", "out of fish")).expectStatus().isOk();
        assertThat(ordersBooked(slot)).isZero();
        assertThat(minutesBooked(slot, "grill")).isZero();
        assertThat(SUPERUSER.queryForObject("select count(*) from slot_bookings where tenant_id = ?", Long.class, tenant))
                .isZero();
        placed(diner().token(), Map.of("lines", List.of(special(10))));
    }

    private RestTestClient.ResponseSpec pacing(String token, Object body) {
        return call(token, http.put().uri("/api/v1/kitchen/pacing?locationId={l}", location)
                .contentType(MediaType.APPLICATION_JSON).body(body));
    }

    private String station(String token, String station) {
        return get(token, "/api/v1/kitchen/tickets?locationId={l}&station={s}", location, station).expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }

    private static Instant currentSlot() {
        return Slots.startOf(Instant.now(), PARIS);
    }

    /** Waits for the next slot if this one ends sooner than that: what a test books must stay in one slot. */
    private static void timeLeftInTheSlot(Duration needed) {
        Instant end = currentSlot().plus(Slots.LENGTH);
        Duration left = Duration.between(Instant.now(), end);
        if (left.compareTo(needed) < 0) {
            try {
                Thread.sleep(left.toMillis() + 500);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private long ordersOfTenant() {
        return SUPERUSER.queryForObject("select count(*) from orders where tenant_id = ?", Long.class, tenant);
    }

    private int ordersBooked(Instant slot) {
        return SUPERUSER.queryForList("select orders from slot_orders where location_id = ? and slot_start = ?",
                Integer.class, location, java.sql.Timestamp.from(slot)).stream().findFirst().orElse(0);
    }

    private int minutesBooked(Instant slot, String station) {
        return SUPERUSER.queryForList("""
                        select prep_minutes from slot_station_minutes where location_id = ? and slot_start = ?
                        and station = ?""", Integer.class, location, java.sql.Timestamp.from(slot), station)
                .stream().findFirst().orElse(0);
    }
}
