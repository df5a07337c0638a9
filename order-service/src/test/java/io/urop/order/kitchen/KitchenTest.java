package io.urop.order.kitchen;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.contracts.Role;
import io.urop.events.table.TableCreated;
import io.urop.events.table.TableSessionApproved;
import io.urop.events.table.TableSessionMoved;
import io.urop.order.OrderServiceTest;
import io.urop.order.TestMenus;
import io.urop.test.TopicReader;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.urop.order.TestMenus.DRINK;
import static io.urop.order.TestMenus.FRIES;
import static io.urop.order.TestMenus.LARGE;
import static io.urop.order.TestMenus.MILKSHAKE;
import static io.urop.order.TestMenus.SIDE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KitchenTest extends OrderServiceTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    String cook;

    @BeforeEach
    void aCook() {
        cook = member(Role.KITCHEN);
    }

    @Test
    void anOrderReachesEachStationOnceWithWhatItMakesAndAChoiceMadeElsewhereAlsoThere() {
        UUID order = placed(diner().token(), Map.of("lines", List.of(burger(1, choice(SIDE, FRIES)), lemonade(LARGE),
                kidsMenu(MILKSHAKE))));

        String grill = station("grill");
        assertThat((List<String>) JsonPath.read(grill, "$[*].items[*].name")).containsExactly("Burger", "Kids menu");
        assertThat((List<String>) JsonPath.read(grill, "$[0].items[0].choices")).containsExactly("Fries");
        assertThat((List<String>) JsonPath.read(grill, "$[0].allergens"))
                .containsExactly("CEREALS_CONTAINING_GLUTEN", "EGGS", "MILK");
        String bar = station("bar");
        assertThat((List<String>) JsonPath.read(bar, "$[*].items[*].name")).containsExactly("Lemonade", "Milkshake");
        assertThat((String) JsonPath.read(bar, "$[0].items[1].alsoFor")).isEqualTo("Kids menu");

        var fired = TopicReader.await(bootstrap, "order.events",
                r -> order.toString().equals(r.key()) && r.value().contains("\"ticket.fired\""), 2, Duration.ofSeconds(20));
        assertThat(fired).hasSize(2);
    }

    @Test
    void aVoidedLineIsAnnouncedToEveryStationThatMakesPartOfIt() {
        String waiter = member(Role.STAFF);
        UUID order = placed(diner().token(), Map.of("lines", List.of(kidsMenu(MILKSHAKE))));
        String line = JsonPath.read(get(waiter, "/api/v1/orders/{o}", order).returnResult(String.class)
                .getResponseBody(), "$.lines[0].id");

        act(waiter, order, "lines/" + line + "/void", Map.of("reason", "sent back")).expectStatus().isOk();

        var voided = TopicReader.await(bootstrap, "order.events",
                r -> order.toString().equals(r.key()) && r.value().contains("\"order.line-voided\""), 1,
                Duration.ofSeconds(20));
        assertThat(voided).hasSize(1);
        assertThat((List<String>) JsonPath.read(voided.get(0).value(), "$.payload.stations"))
                .containsExactly("grill", "bar");
    }

    @Test
    void notificationServiceAloneReadsTheScreensAsTheyAreNowForAClientTooFarBehind() {
        Diner diner = diner();
        UUID order = placed(diner.token(), Map.of("lines", List.of(burger(1, choice(SIDE, FRIES)), lemonade(LARGE))));
        String notifications = TestTokens.issuer().service("notification-service").sign();
        String station = "/internal/v1/tenants/{t}/kitchen/stations/{s}/tickets?locationId={l}";

        assertThat((List<String>) JsonPath.read(get(notifications, station, tenant, "grill", location)
                .expectStatus().isOk().returnResult(String.class).getResponseBody(), "$[*].orderId"))
                .containsExactly(order.toString());
        assertThat((List<String>) JsonPath.read(get(notifications, "/internal/v1/tenants/{t}/kitchen/expeditor"
                + "?locationId={l}", tenant, location).expectStatus().isOk().returnResult(String.class)
                .getResponseBody(), "$[0].tickets[*].station")).containsExactlyInAnyOrder("grill", "bar");
        assertThat((List<String>) JsonPath.read(get(notifications, "/internal/v1/tenants/{t}/table-sessions/{s}"
                + "/orders", tenant, diner.session()).expectStatus().isOk().returnResult(String.class)
                .getResponseBody(), "$[*].id")).containsExactly(order.toString());
        assertThat(get(notifications, station, UUID.randomUUID(), "grill", location).expectStatus().isOk()
                .returnResult(String.class).getResponseBody()).as("another tenant's").isEqualTo("[]");
        get(TestTokens.issuer().service("payment-service").sign(), station, tenant, "grill", location)
                .expectStatus().isForbidden();
        get(cook, station, tenant, "grill", location).expectStatus().isForbidden();
    }

    @Test
    void anItemNamingNoStationIsMadeAtItsCategorysStation() {
        serve(location, TestMenus.bistroWithHotDrinks(menu, tenant, 2));
        placed(diner().token(), Map.of("lines", List.of(Map.of("itemId", TestMenus.TEA, "quantity", 2),
                burger(1, choice(SIDE, FRIES)))));

        assertThat((List<String>) JsonPath.read(station("bar"), "$[*].items[*].name")).containsExactly("Tea");
        assertThat((List<String>) JsonPath.read(station("grill"), "$[*].items[*].name")).containsExactly("Burger");
    }

    @Test
    void theOrderIsReadyWhenEveryTicketIsBumpedAndARecallTakesItBack() {
        UUID order = placed(diner().token(), Map.of("lines", List.of(burger(1, choice(SIDE, FRIES)), lemonade(LARGE))));
        String grillTicket = JsonPath.read(station("grill"), "$[0].id");
        String barTicket = JsonPath.read(station("bar"), "$[0].id");

        kitchen(cook, "tickets/" + grillTicket + "/bump").expectStatus().isOk();
        assertThat(orderState(order)).isEqualTo("PREPARING");
        kitchen(cook, "tickets/" + barTicket + "/bump").expectStatus().isOk();
        assertThat(orderState(order)).isEqualTo("READY");
        assertThat(station("bar")).isEqualTo("[]");
        get(cook, "/api/v1/kitchen/tickets/recently-bumped?locationId={l}&station=bar", location).expectBody()
                .jsonPath("$[*].id").isEqualTo(List.of(barTicket));

        kitchen(cook, "tickets/" + barTicket + "/recall").expectStatus().isOk();
        assertThat(orderState(order)).isEqualTo("PREPARING");
        kitchen(cook, "tickets/" + barTicket + "/recall").expectStatus().isEqualTo(409);
        kitchen(cook, "tickets/" + barTicket + "/bump").expectStatus().isOk();
        act(member(Role.STAFF), order, "serving", null).expectStatus().isOk();
        kitchen(cook, "tickets/" + barTicket + "/recall").expectStatus().isEqualTo(409);

        var events = TopicReader.await(bootstrap, "order.events", r -> order.toString().equals(r.key()), 11,
                Duration.ofSeconds(20));
        assertThat(events).extracting(r -> codec.decode(r.value()).type()).containsExactly("order.placed",
                "ticket.fired", "ticket.fired", "ticket.bumped", "order.accepted", "ticket.bumped", "order.ready",
                "ticket.recalled", "order.recalled", "ticket.bumped", "order.ready", "order.served");
    }

    @Test
    void aVoidedLineIsStruckThroughAndACancelledOrderLeavesTheScreen() {
        String waiter = member(Role.STAFF);
        UUID order = placed(diner().token(), Map.of("lines", List.of(burger(1, choice(SIDE, FRIES)),
                burger(2, choice(SIDE, FRIES)))));
        String secondLine = JsonPath.read(get(waiter, "/api/v1/orders/{o}", order).returnResult(String.class)
                .getResponseBody(), "$.lines[1].id");

        act(waiter, order, "lines/" + secondLine + "/void", Map.of("reason", "ordered twice")).expectStatus().isOk();
        String grill = station("grill");
        assertThat((List<Boolean>) JsonPath.read(grill, "$[0].items[*].voided")).containsExactly(false, true);
        assertThat((String) JsonPath.read(grill, "$[0].items[1].voidReason")).isEqualTo("ordered twice");

        act(waiter, order, "cancellation", Map.of("reason", "guest left")).expectStatus().isOk();
        assertThat(station("grill")).isEqualTo("[]");
    }

    @Test
    void aLaterCourseIsHeldUntilStaffFireIt() {
        Map<String, Object> mains = Map.of("itemId", TestMenus.BURGER, "quantity", 1, "course", 2,
                "choices", List.of(choice(SIDE, FRIES)));
        UUID order = placed(diner().token(), Map.of("lines", List.of(lemonade(LARGE), mains)));

        assertThat(station("grill")).isEqualTo("[]");
        get(cook, "/api/v1/kitchen/tickets/held?locationId={l}", location).expectBody()
                .jsonPath("$[0].heldFor").isEqualTo("COURSE").jsonPath("$[0].course").isEqualTo(2);

        kitchen(member(Role.STAFF), "orders/" + order + "/courses/2/fire").expectStatus().isOk();
        assertThat((List<String>) JsonPath.read(station("grill"), "$[*].items[*].name")).containsExactly("Burger");
        kitchen(member(Role.STAFF), "orders/" + order + "/courses/2/fire").expectStatus().isNotFound();
    }

    @Test
    void whereSessionsAreApprovedADinersOrderWaitsForTheApprovalButStaffsDoesNot() {
        location = location(tenant, "PAY_AT_THE_END", 1000, true, 0);
        SUPERUSER.update("update locations set first_order_approval = true where id = ?", location);
        serve(location, TestMenus.bistro(menu, tenant, 1, 1200));
        Diner diner = diner();
        placed(diner.token(), Map.of("lines", List.of(lemonade(LARGE))));
        placed(member(Role.STAFF), Map.of("locationId", location, "channel", "COUNTER", "lines",
                List.of(burger(1, choice(SIDE, FRIES)))));

        assertThat(station("bar")).isEqualTo("[]");
        assertThat((List<String>) JsonPath.read(station("grill"), "$[*].items[*].name")).containsExactly("Burger");

        send("table.events", new TableSessionApproved(diner.session(), tenant, location, diner.table(), UUID.randomUUID(),
                Instant.now()), diner.table().toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat((List<String>) JsonPath.read(station("bar"), "$[*].items[*].name")).containsExactly("Lemonade"));
    }

    @Test
    void anAdditionArrivesAsAnAddOnAndAMovedPartysTicketsShowItsNewTable() {
        Diner diner = diner();
        UUID table9 = UUID.randomUUID();
        send("table.events", new TableCreated(diner.table(), tenant, location, null, "4", 4, Instant.now()),
                diner.table().toString());
        send("table.events", new TableCreated(table9, tenant, location, null, "9", 4, Instant.now()), table9.toString());
        UUID order = placed(diner.token(), Map.of("lines", List.of(lemonade(LARGE))));
        await().atMost(Duration.ofSeconds(20)).until(() -> station("bar").contains("\"tableName\":\"4\""));

        http.post().uri("/api/v1/orders/{o}/lines", order).header("Idempotency-Key", "more")
                .header("Authorization", "Bearer " + member(Role.STAFF))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("lines", List.of(lemonade(TestMenus.SMALL)))).exchange().expectStatus().isOk();
        assertThat((List<Integer>) JsonPath.read(station("bar"), "$[*].round")).containsExactly(0, 1);

        send("table.events", new TableSessionMoved(diner.session(), tenant, location, diner.table(), table9,
                Instant.now()), diner.table().toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat((List<String>) JsonPath.read(station("bar"), "$[*].tableName")).containsExactly("9", "9"));
        get(diner.token(), "/api/v1/orders/{o}", order).expectBody().jsonPath("$.tableId").isEqualTo(table9.toString());
    }

    @Test
    void onlyTheKitchenAndStaffOfTheLocationSeeItsTickets() {
        placed(diner().token(), Map.of("lines", List.of(lemonade(LARGE))));
        String ticket = JsonPath.read(station("bar"), "$[0].id");
        String elsewhere = TestTokens.user(tenant, Role.KITCHEN).subject(UUID.randomUUID().toString())
                .locations(UUID.randomUUID()).sign();

        get(elsewhere, "/api/v1/kitchen/tickets?locationId={l}&station=bar", location).expectStatus().isNotFound();
        kitchen(elsewhere, "tickets/" + ticket + "/bump").expectStatus().isNotFound();
        get(diner().token(), "/api/v1/kitchen/tickets?locationId={l}&station=bar", location).expectStatus().isForbidden();
        kitchen(diner().token(), "tickets/" + ticket + "/bump").expectStatus().isForbidden();
    }

    private static Map<String, Object> kidsMenu(UUID drink) {
        return Map.of("itemId", TestMenus.KIDS_MENU, "quantity", 1, "choices", List.of(choice(DRINK, drink)));
    }

    private String station(String station) {
        return get(cook, "/api/v1/kitchen/tickets?locationId={l}&station={s}", location, station).expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }

    private RestTestClient.ResponseSpec kitchen(String token, String action) {
        return call(token, http.post().uri("/api/v1/kitchen/" + action));
    }

    private String orderState(UUID order) {
        return JsonPath.read(get(cook, "/api/v1/orders/{o}", order).returnResult(String.class).getResponseBody(),
                "$.state");
    }
}
