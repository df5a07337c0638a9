package io.urop.order.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;

import io.urop.contracts.Role;
import io.urop.order.OrderServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.urop.order.TestMenus.FRIES;
import static io.urop.order.TestMenus.LARGE;
import static io.urop.order.TestMenus.SALAD;
import static io.urop.order.TestMenus.SIDE;
import static org.assertj.core.api.Assertions.assertThat;

class CartTest extends OrderServiceTest {

    @Test
    void everyPhoneAtTheTableSeesTheSharedCartAndWhoAddedWhat() {
        Diner anna = diner();
        Diner ben = diner(anna.table(), anna.session());

        add(anna, "a-1", named(burger(1, choice(SIDE, FRIES)), "Anna")).expectStatus().isCreated();
        add(ben, "b-1", lemonade(LARGE)).expectStatus().isCreated();

        String seenByBen = cart(ben);
        assertThat((List<String>) JsonPath.read(seenByBen, "$.lines[*].name")).containsExactly("Burger", "Lemonade");
        assertThat((String) JsonPath.read(seenByBen, "$.lines[0].guestName")).isEqualTo("Anna");
        assertThat((List<Boolean>) JsonPath.read(seenByBen, "$.lines[*].mine")).containsExactly(false, true);
        assertThat((Integer) JsonPath.read(seenByBen, "$.total")).isEqualTo(1650);
        assertThat(cart(diner())).contains("\"lines\":[]");
    }

    @Test
    void aGuestChangesAndRemovesOnlyItsOwnLinesAndAddsOncePerKey() {
        Diner anna = diner();
        Diner ben = diner(anna.table(), anna.session());
        add(anna, "a-1", burger(1, choice(SIDE, FRIES))).expectStatus().isCreated();
        add(anna, "a-1", burger(1, choice(SIDE, FRIES))).expectStatus().isCreated();
        String line = JsonPath.read(cart(anna), "$.lines[0].id");
        assertThat((List<?>) JsonPath.read(cart(anna), "$.lines")).hasSize(1);

        call(ben.token(), http.put().uri("/api/v1/orders/cart/lines/{l}", line).contentType(MediaType.APPLICATION_JSON)
                .body(burger(3, choice(SIDE, FRIES)))).expectStatus().isForbidden();
        call(ben.token(), http.delete().uri("/api/v1/orders/cart/lines/{l}", line)).expectStatus().isForbidden();
        call(diner().token(), http.delete().uri("/api/v1/orders/cart/lines/{l}", line)).expectStatus().isNotFound();

        call(anna.token(), http.put().uri("/api/v1/orders/cart/lines/{l}", line).contentType(MediaType.APPLICATION_JSON)
                .body(burger(3, choice(SIDE, FRIES)))).expectStatus().isOk()
                .expectBody().jsonPath("$.lines[0].total").isEqualTo(3600);
        call(anna.token(), http.delete().uri("/api/v1/orders/cart/lines/{l}", line)).expectStatus().isOk()
                .expectBody().jsonPath("$.lines.length()").isEqualTo(0);
    }

    @Test
    void sendingTheTablesCartPlacesOneOrderOnceAndEmptiesIt() {
        Diner anna = diner();
        Diner ben = diner(anna.table(), anna.session());
        add(anna, "a-1", burger(1, choice(SIDE, FRIES))).expectStatus().isCreated();
        add(ben, "b-1", lemonade(LARGE)).expectStatus().isCreated();

        String order = submit(ben, "send-1").expectStatus().isCreated().returnResult(String.class).getResponseBody();
        assertThat((List<String>) JsonPath.read(order, "$.lines[*].name")).containsExactly("Burger", "Lemonade");
        assertThat((String) JsonPath.read(order, "$.tableSessionId")).isEqualTo(anna.session().toString());
        assertThat(cart(anna)).contains("\"lines\":[]");

        submit(ben, "send-1").expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.id").isEqualTo(JsonPath.read(order, "$.id"));
        submit(anna, "send-2").expectStatus().isEqualTo(409);

        add(anna, "a-2", lemonade(LARGE)).expectStatus().isCreated();
        submit(anna, "send-3").expectStatus().isCreated();
        get(anna.token(), "/api/v1/orders/table-session").expectBody().jsonPath("$.length()").isEqualTo(2);
    }

    @Test
    void whereEachGuestSendsItsOwnTheOthersLinesStay() {
        call(member(Role.MANAGER), http.put().uri("/api/v1/orders/settings?locationId={l}", location)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("cartSubmission", "GUEST"))).expectStatus().isOk();
        call(member(Role.STAFF), http.put().uri("/api/v1/orders/settings?locationId={l}", location)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("cartSubmission", "TABLE")))
                .expectStatus().isForbidden();
        Diner anna = diner();
        Diner ben = diner(anna.table(), anna.session());
        add(anna, "a-1", burger(1, choice(SIDE, FRIES))).expectStatus().isCreated();
        add(ben, "b-1", lemonade(LARGE)).expectStatus().isCreated();

        submit(anna, "send-1").expectStatus().isCreated().expectBody()
                .jsonPath("$.lines[*].name").isEqualTo(List.of("Burger"));
        assertThat((List<String>) JsonPath.read(cart(ben), "$.lines[*].name")).containsExactly("Lemonade");
        submit(anna, "send-2").expectStatus().isEqualTo(409);
    }

    @Test
    void twoGuestsSendingAtOnceSendEachLineOnce() throws Exception {
        Diner anna = diner();
        Diner ben = diner(anna.table(), anna.session());
        add(anna, "a-1", burger(1, choice(SIDE, FRIES))).expectStatus().isCreated();
        add(ben, "b-1", lemonade(LARGE)).expectStatus().isCreated();

        ExecutorService phones = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> taps = List.of(() -> status(submit(anna, "a-send")), () -> status(submit(ben, "b-send")));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> tap : phones.invokeAll(taps)) {
                statuses.add(tap.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        }
        finally {
            phones.shutdown();
        }
        assertThat(SUPERUSER.queryForObject("select count(*) from order_lines where tenant_id = ?", Long.class, tenant))
                .isEqualTo(2);
    }

    @Test
    void aLineSoldOutSinceItWasAddedIsShownSoAndTheCartIsNotSent() {
        Diner anna = diner();
        add(anna, "a-1", burger(1, choice(SIDE, SALAD))).expectStatus().isCreated();
        SUPERUSER.update("""
                insert into availability (location_id, target_id, tenant_id, kind, available, changed_at)
                values (?, ?, ?, 'OPTION', false, now())""", location, SALAD, tenant);

        String cart = cart(anna);
        assertThat((Boolean) JsonPath.read(cart, "$.lines[0].orderable")).isFalse();
        assertThat((List<String>) JsonPath.read(cart, "$.lines[0].problems[*].code")).containsExactly("OPTION_UNAVAILABLE");
        submit(anna, "send-1").expectStatus().isBadRequest();
        add(anna, "a-2", burger(1, choice(SIDE, SALAD))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("choices[0].optionId");
        assertThat((List<?>) JsonPath.read(cart(anna), "$.lines")).hasSize(1);
    }

    @Test
    void afterStaffMergedTwoPartiesTheirPhonesShareOneCartAndOneSession() {
        Diner atTable4 = diner();
        Diner atTable5 = diner();
        add(atTable4, "a-1", lemonade(LARGE)).expectStatus().isCreated();
        add(atTable5, "b-1", burger(1, choice(SIDE, FRIES))).expectStatus().isCreated();

        send("table.events", new io.urop.events.table.TableSessionsMerged(atTable4.session(), atTable5.session(), tenant,
                location, List.of(atTable4.table(), atTable5.table()), java.time.Instant.now()),
                atTable4.table().toString());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat((List<String>) JsonPath.read(cart(atTable5), "$.lines[*].name"))
                        .containsExactly("Lemonade", "Burger"));

        String order = submit(atTable5, "send-1").expectStatus().isCreated().returnResult(String.class)
                .getResponseBody();
        assertThat((String) JsonPath.read(order, "$.tableSessionId")).isEqualTo(atTable4.session().toString());
        get(atTable4.token(), "/api/v1/orders/table-session").expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void onlyADinerHasACart() {
        call(member(Role.STAFF), http.get().uri("/api/v1/orders/cart")).expectStatus().isForbidden();
    }

    private static Map<String, Object> named(Map<String, Object> line, String guestName) {
        Map<String, Object> named = new java.util.HashMap<>(line);
        named.put("guestName", guestName);
        return named;
    }

    private RestTestClient.ResponseSpec add(Diner diner, String key, Object line) {
        return call(diner.token(), http.post().uri("/api/v1/orders/cart/lines").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(line));
    }

    private RestTestClient.ResponseSpec submit(Diner diner, String key) {
        return call(diner.token(), http.post().uri("/api/v1/orders/cart/submission").header("Idempotency-Key", key));
    }

    private String cart(Diner diner) {
        return get(diner.token(), "/api/v1/orders/cart").expectStatus().isOk().returnResult(String.class)
                .getResponseBody();
    }

    private static int status(RestTestClient.ResponseSpec response) {
        return response.returnResult(String.class).getStatus().value();
    }
}
