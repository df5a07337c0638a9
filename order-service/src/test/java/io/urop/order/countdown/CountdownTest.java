package io.urop.order.countdown;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.contracts.Role;
import io.urop.events.menu.AvailabilityChanged;
import io.urop.events.order.ItemSoldOut;
import io.urop.order.OrderServiceTest;
import io.urop.order.TestMenus;
import io.urop.order.TodaysSpecial;
import io.urop.test.TopicReader;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.urop.order.TestMenus.FRIES;
import static io.urop.order.TestMenus.LARGE;
import static io.urop.order.TestMenus.SIDE;
import static io.urop.order.TodaysSpecial.SPECIAL;
import static io.urop.order.TodaysSpecial.special;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CountdownTest extends OrderServiceTest {

    private static final String NOT_ENOUGH_LEFT = "https://urop.io/problems/not-enough-left";

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    String waiter;

    @BeforeEach
    void aSpecialOnTheMenu() {
        waiter = member(Role.STAFF);
        serve(location, TodaysSpecial.menu(menu, tenant, 2, 5));
    }

    @Test
    void anOrderTakesItsPortionsAndOneAskingForMoreThanIsLeftIsRefusedWholeChangingNothing() {
        count(waiter, SPECIAL, 5).expectStatus().isOk().expectBody()
                .jsonPath("$.itemId").isEqualTo(SPECIAL.toString()).jsonPath("$.remaining").isEqualTo(5);
        count(waiter, TestMenus.BURGER, 1).expectStatus().isOk();
        Diner diner = diner();
        placed(diner.token(), Map.of("lines", List.of(special(2), lemonade(LARGE), special(1))));
        assertThat(remaining(SPECIAL)).isEqualTo(2);

        place(diner.token(), "k-1", Map.of("lines", List.of(special(1), burger(2, choice(SIDE, FRIES)))))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(NOT_ENOUGH_LEFT)
                .jsonPath("$.itemId").isEqualTo(TestMenus.BURGER.toString())
                .jsonPath("$.item").isEqualTo("Burger")
                .jsonPath("$.remaining").isEqualTo(1);

        assertThat(remaining(SPECIAL)).isEqualTo(2);
        assertThat(remaining(TestMenus.BURGER)).isEqualTo(1);
        assertThat(SUPERUSER.queryForObject("select count(*) from orders where tenant_id = ?", Long.class, tenant))
                .isEqualTo(1);
        // the refused request claimed nothing: its key orders what is left
        place(diner.token(), "k-1", Map.of("lines", List.of(special(2), burger(1, choice(SIDE, FRIES)))))
                .expectStatus().isCreated();
        assertThat(remaining(SPECIAL)).isZero();
        assertThat(remaining(TestMenus.BURGER)).isZero();
        place(member(Role.STAFF), "k-2", Map.of("locationId", location, "channel", "COUNTER",
                "lines", List.of(special(1)))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.remaining").isEqualTo(0);
    }

    @Test
    void theLastPortionAnnouncesTheItemSoldOutOnceAndCancelledRejectedOrVoidedPortionsComeBack() {
        count(waiter, SPECIAL, 4).expectStatus().isOk();
        Diner diner = diner();
        UUID cancelled = placed(diner.token(), Map.of("lines", List.of(special(1))));
        UUID rejected = placed(diner().token(), Map.of("lines", List.of(special(1))));
        UUID voided = placed(diner().token(), Map.of("lines", List.of(lemonade(LARGE), special(2))));
        assertThat(remaining(SPECIAL)).isZero();

        var soldOut = TopicReader.await(bootstrap, "order.events",
                r -> location.toString().equals(r.key()) && r.value().contains("\"order.item-sold-out\""), 1,
                Duration.ofSeconds(20));
        assertThat(soldOut).hasSize(1);
        ItemSoldOut announced = codec.payload(codec.decode(soldOut.get(0).value()), ItemSoldOut.class);
        assertThat(announced.itemId()).isEqualTo(SPECIAL);
        assertThat(announced.locationId()).isEqualTo(location);
        assertThat(announced.tenantId()).isEqualTo(tenant);

        act(diner.token(), cancelled, "cancellation", null).expectStatus().isOk();
        assertThat(remaining(SPECIAL)).isEqualTo(1);
        act(member(Role.KITCHEN), rejected, "rejection", Map.of("reason", "burnt")).expectStatus().isOk();
        assertThat(remaining(SPECIAL)).isEqualTo(2);
        String line = JsonPath.read(get(waiter, "/api/v1/orders/{o}", voided).returnResult(String.class)
                .getResponseBody(), "$.lines[1].id");
        act(waiter, voided, "lines/" + line + "/void", Map.of("reason", "sent back")).expectStatus().isOk();
        assertThat(remaining(SPECIAL)).isEqualTo(4);
        // given back twice? the cancelled order's portions came back once
        act(waiter, voided, "cancellation", Map.of("reason", "guest left")).expectStatus().isOk();
        assertThat(remaining(SPECIAL)).isEqualTo(4);
    }

    @Test
    void onceMenuServiceRanTheItemOutItIsRefusedEvenWithoutTheCount() {
        count(waiter, SPECIAL, 1).expectStatus().isOk();
        placed(diner().token(), Map.of("lines", List.of(special(1))));

        // what menu-service announces when it marks the item run out on order-service's order.item-sold-out
        send("menu.events", new AvailabilityChanged(tenant, location, SPECIAL, AvailabilityChanged.Kind.ITEM, false,
                Instant.now()), location.toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> SUPERUSER.queryForObject("""
                select count(*) from availability where location_id = ? and target_id = ? and not available""",
                Long.class, location, SPECIAL) == 1);
        call(waiter, http.delete().uri("/api/v1/kitchen/countdowns/{i}?locationId={l}", SPECIAL, location))
                .expectStatus().isNoContent();

        place(diner().token(), "k-13", Map.of("lines", List.of(special(1)))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("ITEM_UNAVAILABLE");
    }

    @Test
    void aCountSetAnewGetsNothingBackFromOrdersOfTheOldOneAndARemovedCountTakesNothing() {
        count(waiter, SPECIAL, 3).expectStatus().isOk();
        Diner diner = diner();
        UUID order = placed(diner.token(), Map.of("lines", List.of(special(2))));
        count(member(Role.MANAGER), SPECIAL, 5).expectStatus().isOk();

        act(diner.token(), order, "cancellation", null).expectStatus().isOk();
        assertThat(remaining(SPECIAL)).isEqualTo(5);

        call(waiter, http.delete().uri("/api/v1/kitchen/countdowns/{i}?locationId={l}", SPECIAL, location))
                .expectStatus().isNoContent();
        placed(diner.token(), Map.of("lines", List.of(special(9))));
        get(waiter, "/api/v1/kitchen/countdowns?locationId={l}", location).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
        call(waiter, http.delete().uri("/api/v1/kitchen/countdowns/{i}?locationId={l}", SPECIAL, location))
                .expectStatus().isNotFound();
    }

    @Test
    void linesStaffAddTakeTheirPortionsTooAndACountOfZeroIsSoldOutAtOnce() {
        count(waiter, SPECIAL, 2).expectStatus().isOk();
        UUID order = placed(waiter, Map.of("locationId", location, "channel", "COUNTER", "lines", List.of(special(1))));

        addLines(order, "more-1", List.of(special(2))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(NOT_ENOUGH_LEFT).jsonPath("$.remaining").isEqualTo(1);
        addLines(order, "more-2", List.of(special(1))).expectStatus().isOk();
        assertThat(remaining(SPECIAL)).isZero();

        count(waiter, TestMenus.KIDS_MENU, 0).expectStatus().isOk();
        var soldOut = TopicReader.await(bootstrap, "order.events",
                r -> location.toString().equals(r.key()) && r.value().contains("\"order.item-sold-out\""), 2,
                Duration.ofSeconds(20));
        assertThat(soldOut).extracting(r -> codec.payload(codec.decode(r.value()), ItemSoldOut.class).itemId())
                .containsExactlyInAnyOrder(SPECIAL, TestMenus.KIDS_MENU);
    }

    @Test
    void staffCountTheirLocationsItemsTheKitchenReadsThemAndNoOneElseFindsThem() {
        count(member(Role.KITCHEN), SPECIAL, 3).expectStatus().isForbidden();
        count(diner().token(), SPECIAL, 3).expectStatus().isForbidden();
        count(waiter, UUID.randomUUID(), 3).expectStatus().isNotFound();
        count(waiter, SPECIAL, -1).expectStatus().isBadRequest();
        String elsewhere = TestTokens.user(tenant, Role.MANAGER).subject(UUID.randomUUID().toString())
                .locations(UUID.randomUUID()).sign();
        count(elsewhere, SPECIAL, 3).expectStatus().isNotFound();
        String otherTenant = TestTokens.user(UUID.randomUUID(), Role.OWNER).sign();
        count(otherTenant, SPECIAL, 3).expectStatus().isNotFound();
        get(otherTenant, "/api/v1/kitchen/countdowns?locationId={l}", location).expectStatus().isNotFound();

        count(member(Role.OWNER), SPECIAL, 3).expectStatus().isOk();
        get(member(Role.KITCHEN), "/api/v1/kitchen/countdowns?locationId={l}", location).expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].itemId").isEqualTo(SPECIAL.toString())
                .jsonPath("$[0].remaining").isEqualTo(3);
        call(otherTenant, http.delete().uri("/api/v1/kitchen/countdowns/{i}?locationId={l}", SPECIAL, location))
                .expectStatus().isNotFound();
        assertThat(remaining(SPECIAL)).isEqualTo(3);
    }

    private RestTestClient.ResponseSpec count(String token, UUID item, int remaining) {
        return call(token, http.put().uri("/api/v1/kitchen/countdowns?locationId={l}", location)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("itemId", item, "remaining", remaining)));
    }

    private RestTestClient.ResponseSpec addLines(UUID order, String key, List<Map<String, Object>> lines) {
        return call(waiter, http.post().uri("/api/v1/orders/{o}/lines", order).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("lines", lines)));
    }

    private int remaining(UUID item) {
        return SUPERUSER.queryForObject("select remaining from countdowns where location_id = ? and item_id = ?",
                Integer.class, location, item);
    }
}
