package io.urop.payment.bill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import io.urop.contracts.Role;
import io.urop.events.order.TabChanged;
import io.urop.events.payment.TableBillSettled;
import io.urop.payment.PaymentServiceTest;
import io.urop.stripe.emulator.PaymentOutcome;
import io.urop.test.TopicReader;
import io.urop.test.tokens.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BillTest extends PaymentServiceTest {

    @Test
    void threeGuestsPayingThreeSharesAtTheSameMomentSettleTheBillOnce() throws Exception {
        connectedAccount();
        UUID session = UUID.randomUUID();
        tabOwes(session, 3000, Instant.now());
        List<String> guests = List.of(guest(session), guest(session), guest(session));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(bill(guests.get(0))) == 200);
        assertThat((Integer) JsonPath.read(body(bill(guests.get(0))), "$.remaining")).isEqualTo(3000);

        List<String> sessions = new ArrayList<>();
        for (String guest : guests) {
            String checkout = share(guest, "k-" + guest.hashCode(), "{\"parts\": 3, \"tipPercent\": 10}")
                    .expectStatus().isCreated().returnResult(String.class).getResponseBody();
            assertThat((Integer) JsonPath.read(checkout, "$.amount")).isEqualTo(1000);
            assertThat((Integer) JsonPath.read(checkout, "$.total")).isEqualTo(1100);
            sessions.add(sessionIdOf(checkout));
        }
        assertThat((Integer) JsonPath.read(body(bill(guests.get(0))), "$.remaining")).isZero();
        share(guest(session), "k-late", "{\"amount\": 1}").expectStatus().isEqualTo(409);

        ExecutorService phones = Executors.newFixedThreadPool(3);
        List<Future<PaymentOutcome>> paid = new ArrayList<>();
        for (String sessionId : sessions) {
            paid.add(phones.submit((Callable<PaymentOutcome>) () -> STRIPE.payCheckoutSession(sessionId,
                    "4242424242424242")));
        }
        for (Future<PaymentOutcome> outcome : paid) {
            assertThat(outcome.get()).isEqualTo(PaymentOutcome.SUCCEEDED);
        }
        phones.shutdown();

        List<ConsumerRecord<String, String>> settled = TopicReader.await(bootstrap, "payment.events",
                r -> session.toString().equals(r.key()) && "payment.table-bill-settled".equals(codec.decode(r.value()).type()),
                1, Duration.ofSeconds(20));
        assertThat(settled).as("settled once").hasSize(1);
        assertThat(codec.payload(codec.decode(settled.get(0).value()), TableBillSettled.class).tableSessionId())
                .isEqualTo(session);
        assertThat((String) JsonPath.read(body(bill(guests.get(1))), "$.state")).isEqualTo("SETTLED");
    }

    @Test
    void aShareIsNeverMoreThanIsLeftAndOneThatRunsOutFreesItsAmount() {
        connectedAccount();
        UUID session = UUID.randomUUID();
        tabOwes(session, 2500, Instant.now());
        String anna = guest(session);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(bill(anna)) == 200);

        share(anna, "k-1", "{\"amount\": 2501}").expectStatus().isEqualTo(409);
        share(anna, "k-1", "{\"amount\": 0}").expectStatus().isBadRequest();
        share(anna, "k-1", "{\"parts\": 1}").expectStatus().isBadRequest();
        share(anna, "k-1", "{\"amount\": 100, \"parts\": 2}").expectStatus().isBadRequest();
        share(anna, null, "{\"amount\": 100}").expectStatus().isBadRequest();

        String first = share(anna, "k-2", "{\"amount\": 1500}").expectStatus().isCreated().returnResult(String.class)
                .getResponseBody();
        String again = share(anna, "k-2", "{\"amount\": 1500}").expectStatus().isCreated().returnResult(String.class)
                .getResponseBody();
        assertThat(sessionIdOf(again)).as("the same share").isEqualTo(sessionIdOf(first));
        share(anna, "k-2", "{\"amount\": 1400}").expectStatus().isEqualTo(422);
        assertThat((Integer) JsonPath.read(body(bill(anna)), "$.remaining")).isEqualTo(1000);
        share(anna, "k-3", "{\"amount\": 1001}").expectStatus().isEqualTo(409);

        STRIPE.expireNow(sessionIdOf(first));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat((Integer) JsonPath.read(body(bill(anna)), "$.remaining")).isEqualTo(2500));

        // the tab grows as the party orders more: so does what is left
        tabOwes(session, 4000, Instant.now());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat((Integer) JsonPath.read(body(bill(anna)), "$.remaining")).isEqualTo(4000));
    }

    @Test
    void anOrderPlacedWhileTheLastShareWasPaidOpensTheBillAgainForItAlone() {
        connectedAccount();
        UUID session = UUID.randomUUID();
        Instant start = Instant.now();
        tabOwes(session, 1000, start);
        String anna = guest(session);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(bill(anna)) == 200);
        payShare(anna, "k-1", 1000);
        TableBillSettled first = settlements(session, 1).get(0);
        assertThat(first.paid()).isEqualTo(1000);

        // the party's next order reached the tab before order-service took the settlement in
        tabOwes(session, 1600, start.plusSeconds(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat((String) JsonPath.read(body(bill(anna)), "$.state")).isEqualTo("OPEN"));
        String reopened = body(bill(anna));
        assertThat((Integer) JsonPath.read(reopened, "$.remaining")).isEqualTo(600);
        assertThat((Integer) JsonPath.read(reopened, "$.paid")).isEqualTo(1000);
        share(anna, "k-2", "{\"amount\": 601}").expectStatus().isEqualTo(409);

        // order-service took it in: the tab owes the new order alone
        tabOwes(session, 600, 1000, start.plusSeconds(2));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat((Integer) JsonPath.read(body(bill(anna)), "$.owed")).isEqualTo(600));
        assertThat((Integer) JsonPath.read(body(bill(anna)), "$.remaining")).isEqualTo(600);
        payShare(anna, "k-3", 600);
        List<TableBillSettled> settled = settlements(session, 2);
        assertThat(settled.get(1).paid()).as("what the shares paid in all").isEqualTo(1600);
    }

    @Test
    void eachDinerPaysForWhatItHadAndNoTwoSharesTakeTheSameItem() {
        connectedAccount();
        UUID session = UUID.randomUUID();
        UUID burger = UUID.randomUUID();
        UUID fries = UUID.randomUUID();
        UUID soup = UUID.randomUUID();
        UUID lemonades = UUID.randomUUID();
        // the first order's 1000 with a 10% service charge; the second's 999 with its tax, rounded by order-service;
        // a voided line and an order paid as it was placed are not offered
        OrderServiceStandIn.INSTANCE.serve(tenant, session, """
                {"id": "%s", "tableSessionId": "%s", "total": 2199, "paid": 0, "balance": 2199, "orders": [
                  {"id": "%s", "onTab": true, "total": 1100, "paid": 0, "lines": [
                    {"id": "%s", "name": "Burger", "quantity": 1, "unitPrice": 700, "total": 700, "voided": false},
                    {"id": "%s", "name": "Fries", "sizeName": "Large", "quantity": 1, "total": 300, "voided": false}]},
                  {"id": "%s", "onTab": true, "total": 1099, "paid": 0, "lines": [
                    {"id": "%s", "name": "Soup", "quantity": 1, "total": 333, "voided": false},
                    {"id": "%s", "name": "Lemonade", "quantity": 2, "total": 666, "voided": false},
                    {"id": "%s", "name": "Water", "quantity": 1, "total": 100, "voided": true}]},
                  {"id": "%s", "onTab": false, "total": 500, "paid": 500, "lines": [
                    {"id": "%s", "name": "Cake", "quantity": 1, "total": 500, "voided": false}]}]}
                """.formatted(UUID.randomUUID(), session, UUID.randomUUID(), burger, fries, UUID.randomUUID(), soup,
                lemonades, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        tabOwes(session, 2199, Instant.now());
        String anna = guest(session);
        String ben = guest(session);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(bill(anna)) == 200);

        String items = body(items(anna));
        assertThat((List<String>) JsonPath.read(items, "$[*].name"))
                .containsExactly("Burger", "Fries (Large)", "Soup", "2 × Lemonade");
        assertThat((List<Integer>) JsonPath.read(items, "$[*].amount")).as("each order's lines add up to its total")
                .containsExactly(770, 330, 366, 733);

        String annas = share(anna, "k-anna", lines(burger, soup)).expectStatus().isCreated()
                .returnResult(String.class).getResponseBody();
        assertThat((Integer) JsonPath.read(annas, "$.amount")).isEqualTo(770 + 366);
        share(ben, "k-ben", lines(soup, lemonades)).expectStatus().isEqualTo(409);
        share(ben, "k-ben", lines(fries, UUID.randomUUID())).expectStatus().isBadRequest();
        share(anna, "k-anna", lines(burger)).expectStatus().isEqualTo(422);
        String bens = share(ben, "k-ben", lines(fries, lemonades)).expectStatus().isCreated()
                .returnResult(String.class).getResponseBody();
        assertThat((Integer) JsonPath.read(bens, "$.amount")).isEqualTo(330 + 733);
        assertThat((Integer) JsonPath.read(body(bill(anna)), "$.remaining")).isZero();

        assertThat(STRIPE.payCheckoutSession(sessionIdOf(annas), "4242424242424242"))
                .isEqualTo(PaymentOutcome.SUCCEEDED);
        STRIPE.expireNow(sessionIdOf(bens));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat((List<String>) JsonPath.read(body(items(ben)), "$[*].state"))
                        .containsExactly("PAID", "OPEN", "PAID", "OPEN"));
        assertThat((Integer) JsonPath.read(body(bill(ben)), "$.remaining")).isEqualTo(330 + 733);

        // order-service cannot answer: the diner is told to try again, and nothing is held
        OrderServiceStandIn.INSTANCE.fail(tenant, session, true);
        share(ben, "k-ben-2", lines(fries, lemonades)).expectStatus().isEqualTo(503)
                .expectHeader().contentType("application/problem+json");
        OrderServiceStandIn.INSTANCE.fail(tenant, session, false);
        assertThat((Integer) JsonPath.read(body(bill(ben)), "$.remaining")).isEqualTo(330 + 733);

        payShare(ben, "k-ben-2", lines(fries, lemonades));
        assertThat(settlements(session, 1).get(0).paid()).isEqualTo(2199);
    }

    @Test
    void onlyTheTablesOwnDinersSeeAndPayItsBill() {
        connectedAccount();
        UUID session = UUID.randomUUID();
        tabOwes(session, 1000, Instant.now());
        String anna = guest(session);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(bill(anna)) == 200);

        assertThat(status(bill(guest(UUID.randomUUID())))).as("another table").isEqualTo(404);
        UUID ours = tenant;
        tenant = UUID.randomUUID();
        String elsewhere = guest(session);
        tenant = ours;
        assertThat(status(bill(elsewhere))).as("another tenant's diner naming this session").isEqualTo(404);
        assertThat(status(call(member(Role.STAFF), http.get().uri("/api/v1/payments/table-session/bill"))))
                .isEqualTo(403);
        share(elsewhere, "k-1", "{\"amount\": 100}").expectStatus().isNotFound();
    }

    private void tabOwes(UUID session, long balance, Instant at) {
        tabOwes(session, balance, 0, at);
    }

    /** The tab owes {@code balance}, having taken in {@code billPaid} of what the bill's shares paid. */
    private void tabOwes(UUID session, long balance, long billPaid, Instant at) {
        TabChanged tab = new TabChanged(UUID.randomUUID(), tenant, location, session, UUID.randomUUID(), List.of(),
                null, "EUR", balance + billPaid, billPaid, balance, billPaid, TabChanged.State.OPEN, false, 1,
                UUID.randomUUID(), at);
        kafka.send("order.events", session.toString(), codec.encode(codec.envelope(tab, tenant, session.toString(),
                null)));
    }

    private void payShare(String guest, String key, long amount) {
        payShare(guest, key, "{\"amount\": " + amount + "}");
    }

    private void payShare(String guest, String key, String body) {
        String checkout = share(guest, key, body).expectStatus().isCreated().returnResult(String.class)
                .getResponseBody();
        assertThat(STRIPE.payCheckoutSession(sessionIdOf(checkout), "4242424242424242"))
                .isEqualTo(PaymentOutcome.SUCCEEDED);
    }

    private List<TableBillSettled> settlements(UUID session, int atLeast) {
        List<ConsumerRecord<String, String>> settled = TopicReader.await(bootstrap, "payment.events",
                r -> session.toString().equals(r.key())
                        && "payment.table-bill-settled".equals(codec.decode(r.value()).type()),
                atLeast, Duration.ofSeconds(20));
        assertThat(settled).hasSize(atLeast);
        return settled.stream().map(r -> codec.payload(codec.decode(r.value()), TableBillSettled.class)).toList();
    }

    private String guest(UUID session) {
        return TestTokens.user(tenant, Role.DINER).subject(UUID.randomUUID().toString()).session(session.toString())
                .locations(location).sign();
    }

    private static String lines(UUID... lineIds) {
        return "{\"lineIds\": [" + String.join(",", Arrays.stream(lineIds).map(id -> "\"" + id + "\"")
                .toList()) + "]}";
    }

    private RestTestClient.ResponseSpec items(String token) {
        return call(token, http.get().uri("/api/v1/payments/table-session/bill/items"));
    }

    private RestTestClient.ResponseSpec bill(String token) {
        return call(token, http.get().uri("/api/v1/payments/table-session/bill"));
    }

    private RestTestClient.ResponseSpec share(String token, String key, String body) {
        RestTestClient.RequestBodySpec request = http.post().uri("/api/v1/payments/table-session/shares")
                .contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return call(token, request.body(body));
    }

    private static int status(RestTestClient.ResponseSpec response) {
        return response.returnResult(String.class).getStatus().value();
    }
}
