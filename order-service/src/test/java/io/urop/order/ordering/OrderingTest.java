package io.urop.order.ordering;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;

import io.urop.contracts.Role;
import io.urop.events.order.OrderPlaced;
import io.urop.events.payment.MerchantAccountChanged;
import io.urop.events.payment.PaymentExpired;
import io.urop.events.payment.PaymentSucceeded;
import io.urop.order.OrderServiceTest;
import io.urop.order.TestMenus;
import io.urop.test.TopicReader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

import static io.urop.order.TestMenus.BACON;
import static io.urop.order.TestMenus.CHEESE;
import static io.urop.order.TestMenus.EXTRAS;
import static io.urop.order.TestMenus.FRIES;
import static io.urop.order.TestMenus.LARGE;
import static io.urop.order.TestMenus.ONION_RINGS;
import static io.urop.order.TestMenus.SALAD;
import static io.urop.order.TestMenus.SIDE;
import static io.urop.order.TestMenus.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OrderingTest extends OrderServiceTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void aDinersOrderIsPricedFromTheMenuNeverFromTheClientAndAnnouncedOnce() {
        Diner diner = diner();
        Map<String, Object> burgers = Map.of("itemId", TestMenus.BURGER, "quantity", 2, "unitPrice", 1, "total", 1,
                "choices", List.of(choice(SIDE, ONION_RINGS), choice(EXTRAS, CHEESE), choice(EXTRAS, BACON)));

        String body = place(diner.token(), "k-1", Map.of("lines", List.of(burgers, lemonade(LARGE)), "total", 2))
                .expectStatus().isCreated()
                .expectHeader().valueEquals(OrderController.REPLAYED, "false")
                .returnResult(String.class).getResponseBody();

        // burger 1200 + onion rings 150 + cheese 100 (bacon, the dearer extra, is the free one) = 1450, twice
        assertThat((Integer) JsonPath.read(body, "$.lines[0].unitPrice")).isEqualTo(1450);
        assertThat((Integer) JsonPath.read(body, "$.lines[0].total")).isEqualTo(2900);
        assertThat((Integer) JsonPath.read(body, "$.lines[1].total")).isEqualTo(450);
        assertThat((String) JsonPath.read(body, "$.lines[1].sizeName")).isEqualTo("Large");
        assertThat((List<String>) JsonPath.read(body, "$.lines[0].choices[*].name"))
                .containsExactly("Onion rings", "Cheese", "Bacon");
        assertThat((List<String>) JsonPath.read(body, "$.lines[0].allergens"))
                .containsExactlyInAnyOrder("CEREALS_CONTAINING_GLUTEN", "MILK");
        // 10 % included, rounded per line: 2900 × 10/110 = 263.6 → 264, 450 × 10/110 = 40.9 → 41
        assertThat((Integer) JsonPath.read(body, "$.tax")).isEqualTo(305);
        assertThat((Integer) JsonPath.read(body, "$.total")).isEqualTo(3350);
        assertThat((String) JsonPath.read(body, "$.state")).isEqualTo("PLACED");
        assertThat((String) JsonPath.read(body, "$.tableSessionId")).isEqualTo(diner.session().toString());

        String order = JsonPath.read(body, "$.id");
        var announced = TopicReader.await(bootstrap, "order.events",
                r -> order.equals(r.key()) && r.value().contains("\"order.placed\""), 1, Duration.ofSeconds(20));
        assertThat(announced).hasSize(1);
        OrderPlaced placed = codec.payload(codec.decode(announced.get(0).value()), OrderPlaced.class);
        assertThat(placed.total()).isEqualTo(3350);
        assertThat(placed.state()).isEqualTo(OrderPlaced.EntryState.PLACED);
        assertThat(placed.lines()).extracting(OrderPlaced.Line::name).containsExactly("Burger", "Lemonade");
    }

    @Test
    void addedTaxAndServiceChargeAreOnTopOfTheMenuPrices() {
        location = location(tenant, "PAY_AT_THE_END", 825, false, 1250);
        serve(location, TestMenus.bistro(menu, tenant, 1, 1200));

        String body = place(diner().token(), "k-1", Map.of("lines", List.of(burger(1, choice(SIDE, FRIES)))))
                .expectStatus().isCreated().returnResult(String.class).getResponseBody();

        // tax 1200 × 8.25 % = 99; service 1200 × 12.5 % = 150; total 1200 + 99 + 150
        assertThat((Integer) JsonPath.read(body, "$.subtotal")).isEqualTo(1200);
        assertThat((Integer) JsonPath.read(body, "$.tax")).isEqualTo(99);
        assertThat((Integer) JsonPath.read(body, "$.serviceCharge")).isEqualTo(150);
        assertThat((Integer) JsonPath.read(body, "$.total")).isEqualTo(1449);
    }

    @Test
    void aMenuPublishedWhileAnOrderIsOpenDoesNotChangeItsPrice() {
        Diner diner = diner();
        UUID first = placed(diner.token(), Map.of("lines", List.of(burger(1, choice(SIDE, FRIES)))));

        serve(location, TestMenus.bistro(menu, tenant, 2, 1500));
        UUID second = placed(diner.token(), Map.of("lines", List.of(burger(1, choice(SIDE, FRIES)))));

        get(diner.token(), "/api/v1/orders/{o}", first).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1200);
        get(diner.token(), "/api/v1/orders/{o}", second).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1500);
    }

    @Test
    void whatTheLocationRanOutOfCannotBeOrderedAndNothingIsPlaced() {
        SUPERUSER.update("""
                insert into availability (location_id, target_id, tenant_id, kind, available, changed_at)
                values (?, ?, ?, 'OPTION', false, now())""", location, SALAD, tenant);

        place(diner().token(), "k-1", Map.of("lines", List.of(burger(1, choice(SIDE, SALAD)), lemonade(null))))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'lines[0].choices[0].optionId')].code").isEqualTo("OPTION_UNAVAILABLE")
                .jsonPath("$.errors[?(@.field == 'lines[1].sizeId')].code").isEqualTo("SIZE_REQUIRED");

        assertThat(ordersOfTenant()).isZero();
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstOrderAndADifferentBodyIsRefused() {
        Diner diner = diner();
        Map<String, Object> body = Map.of("lines", List.of(burger(1, choice(SIDE, FRIES))));
        String first = place(diner.token(), "tap-1", body).expectStatus().isCreated()
                .returnResult(String.class).getResponseBody();

        String again = place(diner.token(), "tap-1", body).expectStatus().isCreated()
                .expectHeader().valueEquals(OrderController.REPLAYED, "true")
                .returnResult(String.class).getResponseBody();
        assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));

        place(diner.token(), "tap-1", Map.of("lines", List.of(burger(2, choice(SIDE, FRIES)))))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://urop.io/problems/idempotency-key-reused");
        place(diner.token(), null, body).expectStatus().isBadRequest();
        assertThat(ordersOfTenant()).isEqualTo(1);
    }

    @Test
    void aDoubleTapSendingTheSameKeyAtOnceGetsOneOrder() throws Exception {
        Diner diner = diner();
        Map<String, Object> body = Map.of("lines", List.of(burger(1, choice(SIDE, FRIES))));
        ExecutorService taps = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(taps.submit(() -> JsonPath.read(place(diner.token(), "tap-1", body).expectStatus()
                        .isCreated().returnResult(String.class).getResponseBody(), "$.id")));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> answer : answers) {
                ids.add(answer.get());
            }
            assertThat(ids).hasSize(1);
        }
        finally {
            taps.shutdown();
        }
        assertThat(ordersOfTenant()).isEqualTo(1);
    }

    @Test
    void anOrderPaidFirstReachesTheKitchenOnlyOncePaidAndIsCancelledWhenItsCheckoutExpires() {
        location = location(tenant, "PAY_WHEN_ORDERING", 1000, true, 0);
        serve(location, TestMenus.bistro(menu, tenant, 1, 1200));
        Diner diner = diner();
        String kitchen = member(Role.KITCHEN);
        UUID paid = placed(diner.token(), Map.of("lines", List.of(burger(1, choice(SIDE, FRIES)))));
        UUID unpaid = placed(diner.token(), Map.of("lines", List.of(lemonade(LARGE))));
        get(diner.token(), "/api/v1/orders/{o}", paid).expectBody().jsonPath("$.state").isEqualTo("PENDING_PAYMENT");

        act(kitchen, paid, "acceptance", null).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.state").isEqualTo("PENDING_PAYMENT");

        send("payment.events", new PaymentSucceeded(UUID.randomUUID(), tenant, location, paid, diner.session(), 1200,
                "EUR", Instant.now()), paid.toString());
        send("payment.events", new PaymentExpired(UUID.randomUUID(), tenant, location, unpaid, diner.session(),
                Instant.now()), unpaid.toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(state(diner.token(), paid)).isEqualTo("PLACED");
            assertThat(state(diner.token(), unpaid)).isEqualTo("CANCELLED");
        });

        act(kitchen, paid, "acceptance", null).expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("ACCEPTED");
    }

    @Test
    void aDinerWithdrawsAnOrderOnlyBeforeTheKitchenAcceptsItAndStaffMustSayWhy() {
        Diner diner = diner();
        UUID withdrawn = placed(diner.token(), Map.of("lines", List.of(lemonade(LARGE))));
        UUID accepted = placed(diner.token(), Map.of("lines", List.of(lemonade(LARGE))));
        act(member(Role.KITCHEN), accepted, "acceptance", null).expectStatus().isOk();

        act(diner.token(), withdrawn, "cancellation", null).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("CANCELLED");
        act(diner.token(), accepted, "cancellation", null).expectStatus().isEqualTo(409);
        String waiter = member(Role.STAFF);
        act(waiter, accepted, "cancellation", Map.of()).expectStatus().isBadRequest();
        act(waiter, accepted, "cancellation", Map.of("reason", "guest left")).expectStatus().isOk();

        get(waiter, "/api/v1/orders/{o}/history", accepted).expectStatus().isOk().expectBody()
                .jsonPath("$[*].to").isEqualTo(List.of("PLACED", "ACCEPTED", "CANCELLED"))
                .jsonPath("$[2].reason").isEqualTo("guest left")
                .jsonPath("$[2].byRole").isEqualTo("STAFF")
                .jsonPath("$[1].byRole").isEqualTo("KITCHEN");
    }

    @Test
    void aVoidedLineStaysOnTheOrderStruckThroughAndIsNoLongerCharged() {
        UUID order = placed(diner().token(), Map.of("lines", List.of(burger(1, choice(SIDE, FRIES)), lemonade(LARGE))));
        String lemonadeLine = JsonPath.read(get(member(Role.STAFF), "/api/v1/orders/{o}", order)
                .returnResult(String.class).getResponseBody(), "$.lines[1].id");

        act(member(Role.KITCHEN), order, "lines/" + lemonadeLine + "/void", Map.of("reason", "spilt"))
                .expectStatus().isForbidden();
        act(member(Role.STAFF), order, "lines/" + lemonadeLine + "/void", Map.of("reason", "spilt"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.lines[1].voided").isEqualTo(true)
                .jsonPath("$.lines[1].voidReason").isEqualTo("spilt")
                .jsonPath("$.total").isEqualTo(1200);
        act(member(Role.STAFF), order, "lines/" + lemonadeLine + "/void", Map.of("reason", "again"))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void aRestaurantThatTakesNoOnlinePaymentYetHasItsDinersPayAtTheCounterBeforeTheKitchenSeesTheOrder() {
        tenant = UUID.randomUUID();
        menu = UUID.randomUUID();
        location = location(tenant, "PAY_WHEN_ORDERING", 1000, true, 0);
        serve(location, TestMenus.bistro(menu, tenant, 1, 1200));
        Diner diner = diner();
        String cashier = member(Role.STAFF);

        UUID atCounter = placed(diner.token(), Map.of("lines", List.of(lemonade(LARGE))));
        get(diner.token(), "/api/v1/orders/{o}", atCounter).expectBody()
                .jsonPath("$.state").isEqualTo("PENDING_PAYMENT")
                .jsonPath("$.settlement").isEqualTo("COUNTER_FIRST");
        assertThat(get(cashier, "/api/v1/kitchen/tickets?locationId={l}&station=bar", location)
                .returnResult(String.class).getResponseBody()).isEqualTo("[]");
        OrderPlaced placed = codec.payload(codec.decode(TopicReader.await(bootstrap, "order.events",
                r -> atCounter.toString().equals(r.key()), 1, Duration.ofSeconds(20)).get(0).value()), OrderPlaced.class);
        assertThat(placed.state()).as("payment-service opens no checkout for it")
                .isEqualTo(OrderPlaced.EntryState.PENDING_COUNTER_PAYMENT);

        act(cashier, atCounter, "counter-payment", Map.of("method", "CASH")).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("PLACED");
        assertThat((List<String>) JsonPath.read(get(cashier, "/api/v1/kitchen/tickets?locationId={l}&station=bar",
                location).returnResult(String.class).getResponseBody(), "$[*].orderId"))
                .containsExactly(atCounter.toString());

        // payment-service announces the restaurant's Stripe account ready: diners pay online from then on
        send("payment.events", new MerchantAccountChanged(tenant, "acct_1", true, Instant.now()), tenant.toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            UUID online = placed(diner.token(), Map.of("lines", List.of(lemonade(SMALL))));
            get(diner.token(), "/api/v1/orders/{o}", online).expectBody().jsonPath("$.settlement").isEqualTo("PAY_FIRST");
        });
    }

    @Test
    void aCounterOrderIsCompletedOnceServedAndPaid() {
        String cashier = member(Role.STAFF);
        UUID order = placed(cashier, Map.of("locationId", location, "channel", "TAKEAWAY",
                "lines", List.of(lemonade(LARGE))));
        act(cashier, order, "acceptance", null).expectStatus().isOk();
        act(cashier, order, "serving", null).expectStatus().isEqualTo(409);

        String ticket = JsonPath.read(get(cashier, "/api/v1/kitchen/tickets?locationId={l}&station=bar", location)
                .returnResult(String.class).getResponseBody(), "$[0].id");
        call(cashier, http.post().uri("/api/v1/kitchen/tickets/{t}/bump", ticket)).expectStatus().isOk();
        act(cashier, order, "serving", null).expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("SERVED");
        act(cashier, order, "counter-payment", Map.of("method", "CASH")).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("COMPLETED")
                .jsonPath("$.paidWith").isEqualTo("CASH");
        act(cashier, order, "counter-payment", Map.of("method", "CARD")).expectStatus().isEqualTo(409);
    }

    @Test
    void aDinerSeesOnlyItsOwnSessionsOrdersAndAnotherTenantNone() {
        Diner table4 = diner();
        Diner table9 = diner();
        UUID order = placed(table4.token(), Map.of("lines", List.of(lemonade(LARGE))));
        Diner friendAtTable4 = diner(table4.table(), table4.session());

        get(friendAtTable4.token(), "/api/v1/orders/{o}", order).expectStatus().isOk();
        get(friendAtTable4.token(), "/api/v1/orders/table-session").expectStatus().isOk().expectBody()
                .jsonPath("$[*].id").isEqualTo(List.of(order.toString()));
        get(table9.token(), "/api/v1/orders/{o}", order).expectStatus().isNotFound();
        act(table9.token(), order, "cancellation", null).expectStatus().isNotFound();
        get(table9.token(), "/api/v1/orders/table-session").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);

        String otherOwner = io.urop.test.tokens.TestTokens.user(UUID.randomUUID(), Role.OWNER).sign();
        get(otherOwner, "/api/v1/orders/{o}", order).expectStatus().isNotFound();
        place(otherOwner, "k", Map.of("locationId", location, "channel", "COUNTER", "lines", List.of(lemonade(LARGE))))
                .expectStatus().isNotFound();
    }

    private String state(String token, UUID order) {
        return JsonPath.read(get(token, "/api/v1/orders/{o}", order).returnResult(String.class).getResponseBody(),
                "$.state");
    }

    private long ordersOfTenant() {
        return SUPERUSER.queryForObject("select count(*) from orders where tenant_id = ?", Long.class, tenant);
    }
}
