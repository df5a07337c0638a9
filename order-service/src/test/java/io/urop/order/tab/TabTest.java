package io.urop.order.tab;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.contracts.AccessTokenClaims;
import io.urop.contracts.Role;
import io.urop.events.order.TabChanged;
import io.urop.events.payment.PaymentRefunded;
import io.urop.events.payment.PaymentSucceeded;
import io.urop.events.payment.TableBillSettled;
import io.urop.events.table.TableSessionClosed;
import io.urop.events.table.TableSessionsMerged;
import io.urop.order.OrderServiceTest;
import io.urop.order.TestMenus;
import io.urop.test.TopicReader;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

import static io.urop.order.TestMenus.FRIES;
import static io.urop.order.TestMenus.LARGE;
import static io.urop.order.TestMenus.SIDE;
import static io.urop.order.TestMenus.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TabTest extends OrderServiceTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void theTabFollowsPlacingVoidsAddOnsAndCancellationsAndAnnouncesEachChangeOnce() {
        UUID table = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        String anna = dinerToken(table, session, "anna");
        String ben = dinerToken(table, session, "ben");
        String waiter = member(Role.STAFF);
        // burger with fries 1200 + large lemonade 450; a small lemonade 300
        UUID first = placed(anna, Map.of("lines", List.of(burger(1, choice(SIDE, FRIES)), lemonade(LARGE))));
        UUID second = placed(ben, Map.of("lines", List.of(lemonade(SMALL))));

        String tab = tab(anna);
        assertThat((Integer) JsonPath.read(tab, "$.total")).isEqualTo(1950);
        assertThat((Integer) JsonPath.read(tab, "$.paid")).isZero();
        assertThat((Integer) JsonPath.read(tab, "$.balance")).isEqualTo(1950);
        assertThat((List<String>) JsonPath.read(tab, "$.orders[*].id")).containsExactly(first.toString(), second.toString());
        assertThat((List<String>) JsonPath.read(tab, "$.orders[*].placedBy")).containsExactly("anna", "ben");
        assertThat((List<String>) JsonPath.read(tab, "$.orders[0].lines[*].name")).containsExactly("Burger", "Lemonade");
        assertThat((String) JsonPath.read(tab, "$.currency")).isEqualTo("EUR");

        String lemonadeLine = JsonPath.read(tab, "$.orders[0].lines[1].id");
        act(waiter, first, "lines/" + lemonadeLine + "/void", Map.of("reason", "spilt")).expectStatus().isOk();
        assertThat((Integer) JsonPath.read(tab(ben), "$.balance")).isEqualTo(1500);

        call(waiter, http.post().uri("/api/v1/orders/{o}/lines", second).header("Idempotency-Key", "another")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("lines", List.of(lemonade(LARGE)))))
                .expectStatus().isOk();
        String afterAddOn = tab(ben);
        assertThat((Integer) JsonPath.read(afterAddOn, "$.balance")).isEqualTo(1950);
        assertThat((List<Integer>) JsonPath.read(afterAddOn, "$.orders[1].lines[*].round")).containsExactly(0, 1);
        assertThat((String) JsonPath.read(afterAddOn, "$.orders[1].lines[0].addedBy")).isEqualTo("ben");

        act(waiter, first, "cancellation", Map.of("reason", "guest left")).expectStatus().isOk();
        String afterCancel = tab(anna);
        assertThat((Integer) JsonPath.read(afterCancel, "$.total")).isEqualTo(750);
        assertThat((Integer) JsonPath.read(afterCancel, "$.balance")).isEqualTo(750);
        assertThat((List<Integer>) JsonPath.read(afterCancel, "$.orders[*].total")).containsExactly(0, 750);
        assertThat((String) JsonPath.read(afterCancel, "$.orders[0].state")).isEqualTo("CANCELLED");

        List<TabChanged> changes = tabChanges(session, 5);
        assertThat(changes).extracting(TabChanged::balance).containsExactly(1650L, 1950L, 1500L, 1950L, 750L);
        assertThat(changes).extracting(TabChanged::state).containsOnly(TabChanged.State.OPEN);
        assertThat(changes).extracting(TabChanged::orderId).containsExactly(first, second, first, second, first);
        TabChanged last = changes.get(changes.size() - 1);
        assertThat(last.orderCount()).isEqualTo(2);
        assertThat(last.tableSessionId()).isEqualTo(session);
        assertThat(last.tableId()).isEqualTo(table);
        assertThat(last.locationId()).isEqualTo(location);
        assertThat(last.currency()).isEqualTo("EUR");
        assertThat(last.total()).isEqualTo(750);
    }

    @Test
    void anOrderPaidAsItIsPlacedIsListedButNotOwed() {
        location = location(tenant, "EITHER", 1000, true, 0);
        serve(location, TestMenus.bistro(menu, tenant, 1, 1200));
        Diner diner = diner();
        UUID paidFirst = placed(diner.token(), Map.of("lines", List.of(lemonade(LARGE)), "payNow", true));
        placed(diner.token(), Map.of("lines", List.of(lemonade(SMALL)), "payNow", false));

        String tab = tab(diner.token());
        assertThat((Integer) JsonPath.read(tab, "$.total")).isEqualTo(750);
        assertThat((Integer) JsonPath.read(tab, "$.paid")).isEqualTo(450);
        assertThat((Integer) JsonPath.read(tab, "$.balance")).isEqualTo(300);
        assertThat((List<Boolean>) JsonPath.read(tab, "$.orders[*].onTab")).containsExactly(false, true);
        assertThat((String) JsonPath.read(tab, "$.orders[0].id")).isEqualTo(paidFirst.toString());
    }

    @Test
    void aMergedSessionsTabJoinsTheOtherAndItsDinersSeeTheJoinedTab() {
        Diner table4 = diner();
        Diner table9 = diner();
        String waiter = member(Role.STAFF);
        UUID fromTable4 = placed(table4.token(), Map.of("lines", List.of(lemonade(LARGE))));
        UUID fromTable9 = placed(table9.token(), Map.of("lines", List.of(lemonade(SMALL))));

        send("table.events", new TableSessionsMerged(table4.session(), table9.session(), tenant, location,
                List.of(table4.table(), table9.table()), Instant.now()), table4.table().toString());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat((Integer) JsonPath.read(staffTab(waiter, table4.session()), "$.total")).isEqualTo(750));
        String joined = staffTab(waiter, table4.session());
        assertThat((List<String>) JsonPath.read(joined, "$.orders[*].id"))
                .containsExactly(fromTable4.toString(), fromTable9.toString());
        assertThat((List<String>) JsonPath.read(joined, "$.mergedSessionIds")).containsExactly(table9.session().toString());
        String tabId = JsonPath.read(joined, "$.id");
        assertThat((String) JsonPath.read(tab(table9.token()), "$.id")).isEqualTo(tabId);
        assertThat((Integer) JsonPath.read(tab(table9.token()), "$.balance")).isEqualTo(750);
        assertThat((String) JsonPath.read(staffTab(waiter, table9.session()), "$.id")).isEqualTo(tabId);
        get(table9.token(), "/api/v1/orders/tabs/{s}", table4.session()).expectStatus().isOk();

        TabChanged merged = tabChanges(table9.session(), 2).get(1);
        assertThat(merged.state()).isEqualTo(TabChanged.State.MERGED);
        assertThat(merged.mergedIntoSessionId()).isEqualTo(table4.session());
        assertThat(merged.orderCount()).isZero();
        assertThat(merged.balance()).isZero();
        TabChanged joinedChange = tabChanges(table4.session(), 2).get(1);
        assertThat(joinedChange.orderCount()).isEqualTo(2);
        assertThat(joinedChange.total()).isEqualTo(750);
        assertThat(joinedChange.mergedSessionIds()).containsExactly(table9.session());

        String open = openTabs(waiter);
        assertThat((List<String>) JsonPath.read(open, "$.items[*].tableSessionId"))
                .containsExactly(table4.session().toString());
    }

    @Test
    void whatAPartyMergedBeforeItOrderedOrdersLaterIsOnTheJoinedTab() {
        Diner table4 = diner();
        Diner table9 = diner();
        String waiter = member(Role.STAFF);
        UUID first = placed(table4.token(), Map.of("lines", List.of(lemonade(LARGE))));

        send("table.events", new TableSessionsMerged(table4.session(), table9.session(), tenant, location,
                List.of(table4.table(), table9.table()), Instant.now()), table4.table().toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                get(waiter, "/api/v1/orders/tabs/{s}", table9.session()).expectStatus().isOk());
        UUID later = placed(table9.token(), Map.of("lines", List.of(lemonade(SMALL))));

        String joined = tab(table4.token());
        assertThat((List<String>) JsonPath.read(joined, "$.orders[*].id"))
                .containsExactly(first.toString(), later.toString());
        assertThat((Integer) JsonPath.read(joined, "$.balance")).isEqualTo(750);
        assertThat((String) JsonPath.read(tab(table9.token()), "$.id")).isEqualTo(JsonPath.read(joined, "$.id"));
    }

    @Test
    void aSettledBillSettlesTheTabAndCompletesTheOrdersServed() {
        Diner diner = diner();
        String waiter = member(Role.STAFF);
        UUID order = placed(diner.token(), Map.of("lines", List.of(lemonade(LARGE))));
        String ticket = JsonPath.read(get(waiter, "/api/v1/kitchen/tickets?locationId={l}&station=bar", location)
                .returnResult(String.class).getResponseBody(), "$[0].id");
        call(waiter, http.post().uri("/api/v1/kitchen/tickets/{t}/bump", ticket)).expectStatus().isOk();
        act(waiter, order, "serving", null).expectStatus().isOk();
        assertThat((List<String>) JsonPath.read(openTabs(waiter), "$.items[*].tableSessionId"))
                .containsExactly(diner.session().toString());

        send("payment.events", new TableBillSettled(diner.session(), tenant, location, 450, Instant.now()),
                diner.session().toString());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat((String) JsonPath.read(tab(diner.token()), "$.state")).isEqualTo("SETTLED"));
        String settled = tab(diner.token());
        assertThat((Integer) JsonPath.read(settled, "$.balance")).isZero();
        assertThat((Integer) JsonPath.read(settled, "$.paid")).isEqualTo(450);
        assertThat((String) JsonPath.read(settled, "$.orders[0].state")).isEqualTo("COMPLETED");
        get(diner.token(), "/api/v1/orders/{o}", order).expectBody().jsonPath("$.state").isEqualTo("COMPLETED");
        assertThat((List<String>) JsonPath.read(openTabs(waiter), "$.items")).isEmpty();
        get(waiter, "/api/v1/orders/tabs?locationId={l}&open=false", location).expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].tableSessionId").isEqualTo(List.of(diner.session().toString()))
                .jsonPath("$.items[0].state").isEqualTo("SETTLED");

        TabChanged last = tabChanges(diner.session(), 2).get(1);
        assertThat(last.state()).isEqualTo(TabChanged.State.SETTLED);
        assertThat(last.balance()).isZero();
        assertThat(last.paid()).isEqualTo(450);
    }

    @Test
    void aBillSettledWhileThePartyOrderedMorePaysOnlyWhatItCoveredAndTheRestStaysOwed() {
        Diner diner = diner();
        UUID first = placed(diner.token(), Map.of("lines", List.of(lemonade(LARGE))));
        // ordered while the share that pays the first order's 450 was being paid
        UUID second = placed(diner.token(), Map.of("lines", List.of(lemonade(SMALL))));
        TableBillSettled settled = new TableBillSettled(diner.session(), tenant, location, 450, Instant.now());
        send("payment.events", settled, diner.session().toString());
        send("payment.events", new TableBillSettled(diner.session(), tenant, location, 450, Instant.now()),
                diner.session().toString());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat((Integer) JsonPath.read(tab(diner.token()), "$.paid")).isEqualTo(450));
        String tab = tab(diner.token());
        assertThat((String) JsonPath.read(tab, "$.state")).isEqualTo("OPEN");
        assertThat((Integer) JsonPath.read(tab, "$.balance")).isEqualTo(300);
        assertThat((List<Integer>) JsonPath.read(tab, "$.orders[*].paid")).containsExactly(450, 0);
        get(diner.token(), "/api/v1/orders/{o}", first).expectBody().jsonPath("$.paidWith").isEqualTo("TAB");
        get(diner.token(), "/api/v1/orders/{o}", second).expectBody().jsonPath("$.paidAt").doesNotExist();
        TabChanged afterSettlement = tabChanges(diner.session(), 3).get(2);
        assertThat(afterSettlement.billPaid()).isEqualTo(450);
        assertThat(afterSettlement.balance()).isEqualTo(300);
        assertThat(afterSettlement.state()).isEqualTo(TabChanged.State.OPEN);

        // the bill, open again for the second order, is paid: the shares paid 750 in all
        send("payment.events", new TableBillSettled(diner.session(), tenant, location, 750, Instant.now()),
                diner.session().toString());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat((String) JsonPath.read(tab(diner.token()), "$.state")).isEqualTo("SETTLED"));
        assertThat((Integer) JsonPath.read(tab(diner.token()), "$.balance")).isZero();
        get(diner.token(), "/api/v1/orders/{o}", second).expectBody().jsonPath("$.paidWith").isEqualTo("TAB");
        assertThat(tabChanges(diner.session(), 4)).as("the repeated settlement changed nothing").hasSize(4);
    }

    @Test
    void aSettlementWrittenBeforeItCarriedWhatWasPaidSettlesAllThatWasOwed() {
        Diner diner = diner();
        UUID order = placed(diner.token(), Map.of("lines", List.of(lemonade(LARGE))));
        send("payment.events", new TableBillSettled(diner.session(), tenant, location, 0, Instant.now()),
                diner.session().toString());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat((String) JsonPath.read(tab(diner.token()), "$.state")).isEqualTo("SETTLED"));
        assertThat((Integer) JsonPath.read(tab(diner.token()), "$.paid")).isEqualTo(450);
        get(diner.token(), "/api/v1/orders/{o}", order).expectBody().jsonPath("$.paidWith").isEqualTo("TAB");
    }

    @Test
    void paymentServiceAloneReadsATabWithItsLinesForDinersWhoPayByItems() {
        Diner diner = diner();
        placed(diner.token(), Map.of("lines", List.of(burger(1, choice(SIDE, FRIES)), lemonade(LARGE))));
        String payments = TestTokens.issuer().service("payment-service").sign();
        String path = "/internal/v1/tenants/{t}/tabs/{s}";

        String tab = get(payments, path, tenant, diner.session()).expectStatus().isOk().returnResult(String.class)
                .getResponseBody();
        assertThat((List<String>) JsonPath.read(tab, "$.orders[0].lines[*].name")).hasSize(2);
        assertThat((Integer) JsonPath.read(tab, "$.balance")).isEqualTo(JsonPath.read(tab, "$.total"));
        get(payments, path, UUID.randomUUID(), diner.session()).expectStatus().isNotFound();
        get(TestTokens.issuer().service("qr-service").sign(), path, tenant, diner.session()).expectStatus()
                .isForbidden();
        get(diner.token(), path, tenant, diner.session()).expectStatus().isForbidden();
    }

    @Test
    void refundsAreShownOnTheOrderAndTheTabAndChangeNothingOwed() {
        location = location(tenant, "EITHER", 1000, true, 0);
        serve(location, TestMenus.bistro(menu, tenant, 1, 1200));
        Diner diner = diner();
        UUID paidFirst = placed(diner.token(), Map.of("lines", List.of(lemonade(LARGE)), "payNow", true));
        placed(diner.token(), Map.of("lines", List.of(lemonade(SMALL)), "payNow", false));
        send("payment.events", new PaymentSucceeded(UUID.randomUUID(), tenant, location, paidFirst, diner.session(),
                450, "EUR", Instant.now()), paidFirst.toString());
        UUID payment = UUID.randomUUID();
        send("payment.events", new PaymentRefunded(payment, UUID.randomUUID(), tenant, location, paidFirst,
                diner.session(), 150, 150, "EUR", "cold", false, Instant.now()), payment.toString());
        send("payment.events", new PaymentRefunded(payment, UUID.randomUUID(), tenant, location, paidFirst,
                diner.session(), 50, 200, "EUR", "still cold", false, Instant.now()), payment.toString());
        UUID share = UUID.randomUUID();
        send("payment.events", new PaymentRefunded(share, UUID.randomUUID(), tenant, location, null,
                diner.session(), 100, 100, "EUR", "Refunded in Stripe", false, Instant.now()), share.toString());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat((Integer) JsonPath.read(tab(diner.token()), "$.refunded")).isEqualTo(200 + 100));
        String tab = tab(diner.token());
        assertThat((Integer) JsonPath.read(tab, "$.orders[0].refunded")).isEqualTo(200);
        assertThat((Integer) JsonPath.read(tab, "$.balance")).as("owed as before").isEqualTo(300);
        get(diner.token(), "/api/v1/orders/{o}", paidFirst).expectBody().jsonPath("$.refunded").isEqualTo(200);
    }

    @Test
    void aClosedSessionThatStillOwesStaysOpenForStaffAndOneThatOwesNothingIsSettled() {
        Diner owing = diner();
        Diner owingNothing = diner();
        Diner stillSeated = diner();
        String waiter = member(Role.STAFF);
        placed(owing.token(), Map.of("lines", List.of(lemonade(LARGE))));
        UUID withdrawn = placed(owingNothing.token(), Map.of("lines", List.of(lemonade(LARGE))));
        act(owingNothing.token(), withdrawn, "cancellation", null).expectStatus().isOk();
        placed(stillSeated.token(), Map.of("lines", List.of(lemonade(SMALL))));

        for (Diner leaving : List.of(owing, owingNothing)) {
            send("table.events", new TableSessionClosed(leaving.session(), tenant, location, leaving.table(),
                    List.of(leaving.table()), List.of(), TableSessionClosed.Reason.CLOSED_BY_STAFF, Instant.now()),
                    leaving.table().toString());
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat((Boolean) JsonPath.read(staffTab(waiter, owing.session()), "$.sessionClosed")).isTrue();
            assertThat((String) JsonPath.read(staffTab(waiter, owingNothing.session()), "$.state")).isEqualTo("SETTLED");
        });
        String open = openTabs(waiter);
        assertThat((List<String>) JsonPath.read(open, "$.items[*].tableSessionId"))
                .containsExactly(owing.session().toString(), stillSeated.session().toString());
        assertThat((List<Boolean>) JsonPath.read(open, "$.items[*].sessionClosed")).containsExactly(true, false);
        assertThat((List<Integer>) JsonPath.read(open, "$.items[*].balance")).containsExactly(450, 300);
        assertThat((String) JsonPath.read(staffTab(waiter, owing.session()), "$.state")).isEqualTo("OPEN");
        assertThat(tabChanges(owing.session(), 2).get(1).sessionClosed()).isTrue();
    }

    @Test
    void aDinerSeesOnlyItsOwnSessionsTabAndStaffOnlyTheirLocationsAndTenants() {
        Diner diner = diner();
        placed(diner.token(), Map.of("lines", List.of(lemonade(LARGE))));
        Diner elsewhere = diner();
        String otherOwner = TestTokens.user(UUID.randomUUID(), Role.OWNER).sign();
        String limitedElsewhere = TestTokens.user(tenant, Role.MANAGER).subject(UUID.randomUUID().toString())
                .locations(UUID.randomUUID()).sign();

        get(elsewhere.token(), "/api/v1/orders/table-session/tab").expectStatus().isOk().expectBody()
                .jsonPath("$.tableSessionId").isEqualTo(elsewhere.session().toString())
                .jsonPath("$.orders.length()").isEqualTo(0)
                .jsonPath("$.total").isEqualTo(0);
        get(member(Role.STAFF), "/api/v1/orders/table-session/tab").expectStatus().isForbidden();

        get(diner.token(), "/api/v1/orders/tabs/{s}", diner.session()).expectStatus().isOk();
        get(elsewhere.token(), "/api/v1/orders/tabs/{s}", diner.session()).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get(otherOwner, "/api/v1/orders/tabs/{s}", diner.session()).expectStatus().isNotFound();
        get(limitedElsewhere, "/api/v1/orders/tabs/{s}", diner.session()).expectStatus().isNotFound();
        get(member(Role.KITCHEN), "/api/v1/orders/tabs/{s}", diner.session()).expectStatus().isForbidden();
        get(member(Role.OWNER), "/api/v1/orders/tabs/{s}", UUID.randomUUID()).expectStatus().isNotFound();

        get(otherOwner, "/api/v1/orders/tabs?locationId={l}", location).expectStatus().isNotFound();
        get(limitedElsewhere, "/api/v1/orders/tabs?locationId={l}", location).expectStatus().isNotFound();
        get(member(Role.KITCHEN), "/api/v1/orders/tabs?locationId={l}", location).expectStatus().isForbidden();
        get(diner.token(), "/api/v1/orders/tabs?locationId={l}", location).expectStatus().isForbidden();
        get(member(Role.MANAGER), "/api/v1/orders/tabs").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("locationId");
        get(member(Role.MANAGER), "/api/v1/orders/tabs?locationId={l}&size=201", location).expectStatus().isBadRequest();
        get(member(Role.MANAGER), "/api/v1/orders/tabs?locationId={l}", location).expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].tableSessionId").isEqualTo(List.of(diner.session().toString()))
                .jsonPath("$.total").isEqualTo(1);
    }

    private String dinerToken(UUID table, UUID session, String subject) {
        return TestTokens.user(tenant, Role.DINER).subject(subject).session(session.toString()).locations(location)
                .claim(AccessTokenClaims.TABLE, table.toString()).sign();
    }

    private String tab(String dinerToken) {
        return get(dinerToken, "/api/v1/orders/table-session/tab").expectStatus().isOk().returnResult(String.class)
                .getResponseBody();
    }

    private String staffTab(String token, UUID session) {
        return get(token, "/api/v1/orders/tabs/{s}", session).expectStatus().isOk().returnResult(String.class)
                .getResponseBody();
    }

    private String openTabs(String token) {
        return get(token, "/api/v1/orders/tabs?locationId={l}&open=true", location).expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }

    /** Every {@code tab.changed} of the session's tab on Kafka, in order, once at least {@code atLeast} are there. */
    private List<TabChanged> tabChanges(UUID session, int atLeast) {
        var records = TopicReader.await(bootstrap, "order.events",
                r -> session.toString().equals(r.key()) && r.value().contains("\"tab.changed\""), atLeast,
                Duration.ofSeconds(20));
        assertThat(records).hasSize(atLeast);
        return records.stream().map(r -> codec.payload(codec.decode(r.value()), TabChanged.class)).toList();
    }
}
