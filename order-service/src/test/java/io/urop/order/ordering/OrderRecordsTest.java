package io.urop.order.ordering;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.contracts.Role;
import io.urop.order.OrderServiceTest;
import io.urop.order.TestMenus;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static io.urop.order.TestMenus.BACON;
import static io.urop.order.TestMenus.CHEESE;
import static io.urop.order.TestMenus.EXTRAS;
import static io.urop.order.TestMenus.FRIES;
import static io.urop.order.TestMenus.LARGE;
import static io.urop.order.TestMenus.ONION_RINGS;
import static io.urop.order.TestMenus.SIDE;
import static io.urop.order.TestMenus.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

class OrderRecordsTest extends OrderServiceTest {

    private static final String LIST = "/api/v1/orders?locationId={l}";

    @Test
    void staffListALocationsOrdersNewestFirstFilteredByStateTableTimeAndText() {
        Diner diner = diner();
        SUPERUSER.update("insert into dining_tables (id, tenant_id, location_id, name) values (?, ?, ?, '4')",
                diner.table(), tenant, location);
        String waiter = member(Role.STAFF);
        UUID burger = placed(diner.token(), Map.of("lines", List.of(burger(1, choice(SIDE, FRIES))),
                "note", "Birthday: 100% candles"));
        UUID lemonade = placed(diner.token(), Map.of("lines", List.of(lemonade(LARGE))));
        UUID counter = placed(waiter, Map.of("locationId", location, "channel", "COUNTER",
                "lines", List.of(lemonade(SMALL))));
        act(waiter, lemonade, "cancellation", Map.of("reason", "guest left")).expectStatus().isOk();
        act(member(Role.KITCHEN), counter, "acceptance", null).expectStatus().isOk();
        UUID elsewhere = location(tenant, "PAY_AT_THE_END", 1000, true, 0);
        serve(elsewhere, TestMenus.bistro(menu, tenant, 1, 1200));
        placed(waiter, Map.of("locationId", elsewhere, "channel", "COUNTER", "lines", List.of(lemonade(SMALL))));

        String all = list(waiter, "");
        assertThat(ids(all)).containsExactly(counter, lemonade, burger);
        assertThat((Integer) JsonPath.read(all, "$.total")).isEqualTo(3);
        assertThat((String) JsonPath.read(all, "$.items[2].tableName")).isEqualTo("4");
        assertThat((String) JsonPath.read(all, "$.items[2].note")).isEqualTo("Birthday: 100% candles");
        assertThat((List<String>) JsonPath.read(all, "$.items[2].items[*].name")).containsExactly("Burger");
        assertThat((Integer) JsonPath.read(all, "$.items[2].total")).isEqualTo(1200);
        assertThat((String) JsonPath.read(all, "$.items[0].tableName")).isNull();

        assertThat(ids(list(waiter, "&state=PLACED"))).containsExactly(burger);
        assertThat(ids(list(waiter, "&state=ACCEPTED&state=CANCELLED"))).containsExactly(counter, lemonade);
        assertThat(ids(list(waiter, "&tableId=" + diner.table()))).containsExactly(lemonade, burger);
        assertThat(ids(list(waiter, "&q={q}", "LEMON"))).containsExactly(counter, lemonade);
        assertThat(ids(list(waiter, "&q={q}", "candles"))).containsExactly(burger);
        assertThat(ids(list(waiter, "&q={q}", "%"))).containsExactly(burger);
        assertThat(ids(list(waiter, "&q={q}", "_"))).isEmpty();

        String lemonadePlacedAt = placedAt(waiter, lemonade);
        assertThat(ids(list(waiter, "&from={f}", lemonadePlacedAt))).containsExactly(counter, lemonade);
        assertThat(ids(list(waiter, "&to={t}", lemonadePlacedAt))).containsExactly(burger);

        String first = list(waiter, "&size=2");
        assertThat(ids(first)).containsExactly(counter, lemonade);
        assertThat((Integer) JsonPath.read(first, "$.total")).isEqualTo(3);
        assertThat(ids(list(waiter, "&size=2&page=1"))).containsExactly(burger);
        assertThat(ids(list(member(Role.KITCHEN), "&state=PLACED"))).containsExactly(burger);
    }

    @Test
    void aBadFilterIsAFieldErrorAndOnlyTheLocationsStaffAndKitchenListItsOrders() {
        placed(diner().token(), Map.of("lines", List.of(lemonade(LARGE))));
        String manager = member(Role.MANAGER);

        get(manager, LIST + "&size=201", location).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        get(manager, LIST + "&page=-1", location).expectStatus().isBadRequest();
        get(manager, LIST + "&state=EATEN", location).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("state");
        get(manager, LIST + "&from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", location).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        get(manager, "/api/v1/orders").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("locationId");

        get(diner().token(), LIST, location).expectStatus().isForbidden();
        get(TestTokens.user(UUID.randomUUID(), Role.OWNER).sign(), LIST, location).expectStatus().isNotFound();
        get(TestTokens.user(tenant, Role.STAFF).subject(UUID.randomUUID().toString()).locations(UUID.randomUUID())
                .sign(), LIST, location).expectStatus().isNotFound();
        get(manager, LIST, UUID.randomUUID()).expectStatus().isNotFound();
        get(manager, LIST, location).expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void aReceiptShowsTheLocationTheChargedLinesTaxServiceChargeAndHowItWasPaid() {
        location = location(tenant, "PAY_AT_THE_END", 825, false, 1250);
        serve(location, TestMenus.bistro(menu, tenant, 1, 1200));
        String cashier = member(Role.STAFF);
        UUID order = placed(cashier, Map.of("locationId", location, "channel", "TAKEAWAY", "lines", List.of(
                burger(1, choice(SIDE, ONION_RINGS), choice(EXTRAS, CHEESE), choice(EXTRAS, BACON)),
                lemonade(LARGE))));
        String lemonadeLine = JsonPath.read(get(cashier, "/api/v1/orders/{o}", order).returnResult(String.class)
                .getResponseBody(), "$.lines[1].id");
        act(cashier, order, "lines/" + lemonadeLine + "/void", Map.of("reason", "not wanted")).expectStatus().isOk();
        get(cashier, "/api/v1/orders/{o}/receipt", order).expectStatus().isOk().expectBody()
                .jsonPath("$.payment").doesNotExist();

        act(cashier, order, "counter-payment", Map.of("method", "CARD")).expectStatus().isOk();
        String receipt = get(cashier, "/api/v1/orders/{o}/receipt", order).expectStatus().isOk()
                .returnResult(String.class).getResponseBody();

        assertThat((String) JsonPath.read(receipt, "$.locationName")).isEqualTo("Bistro");
        assertThat((String) JsonPath.read(receipt, "$.timeZone")).isEqualTo("Europe/Paris");
        assertThat((List<String>) JsonPath.read(receipt, "$.lines[*].name")).containsExactly("Burger");
        // burger 1200 + onion rings 150 + cheese 100, bacon (the dearer extra) free
        assertThat((Integer) JsonPath.read(receipt, "$.lines[0].unitPrice")).isEqualTo(1450);
        assertThat((List<String>) JsonPath.read(receipt, "$.lines[0].choices[*].name"))
                .containsExactly("Onion rings", "Cheese", "Bacon");
        assertThat((List<Integer>) JsonPath.read(receipt, "$.lines[0].choices[*].charged")).containsExactly(150, 100, 0);
        assertThat((Integer) JsonPath.read(receipt, "$.subtotal")).isEqualTo(1450);
        // tax 1450 × 8.25 % = 119.6 → 120, added; service 1450 × 12.5 % = 181.25 → 181
        assertThat((Integer) JsonPath.read(receipt, "$.tax.rateBasisPoints")).isEqualTo(825);
        assertThat((Boolean) JsonPath.read(receipt, "$.tax.included")).isFalse();
        assertThat((Integer) JsonPath.read(receipt, "$.tax.amount")).isEqualTo(120);
        assertThat((Integer) JsonPath.read(receipt, "$.serviceCharge.rateBasisPoints")).isEqualTo(1250);
        assertThat((Integer) JsonPath.read(receipt, "$.serviceCharge.amount")).isEqualTo(181);
        assertThat((Integer) JsonPath.read(receipt, "$.total")).isEqualTo(1751);
        assertThat((String) JsonPath.read(receipt, "$.payment.method")).isEqualTo("CARD");
        assertThat((String) JsonPath.read(receipt, "$.payment.paidAt")).isNotBlank();
        assertThat((String) JsonPath.read(receipt, "$.placedAt")).isNotBlank();
    }

    @Test
    void aReceiptIsVisibleToWhoeverSeesTheOrderAndNotFoundForAnyoneElse() {
        Diner diner = diner();
        UUID order = placed(diner.token(), Map.of("lines", List.of(lemonade(LARGE))));
        String receipt = "/api/v1/orders/{o}/receipt";

        get(diner(diner.table(), diner.session()).token(), receipt, order).expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(450).jsonPath("$.tax.included").isEqualTo(true);
        get(member(Role.KITCHEN), receipt, order).expectStatus().isOk();
        get(diner().token(), receipt, order).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get(TestTokens.user(UUID.randomUUID(), Role.OWNER).sign(), receipt, order).expectStatus().isNotFound();
        get(TestTokens.user(tenant, Role.STAFF).subject(UUID.randomUUID().toString()).locations(UUID.randomUUID())
                .sign(), receipt, order).expectStatus().isNotFound();
        get(member(Role.OWNER), receipt, UUID.randomUUID()).expectStatus().isNotFound();
    }

    private String list(String token, String filters, Object... vars) {
        Object[] all = new Object[vars.length + 1];
        all[0] = location;
        System.arraycopy(vars, 0, all, 1, vars.length);
        return get(token, LIST + filters, all).expectStatus().isOk().returnResult(String.class).getResponseBody();
    }

    private static List<UUID> ids(String page) {
        return JsonPath.<List<String>>read(page, "$.items[*].id").stream().map(UUID::fromString).toList();
    }

    private String placedAt(String token, UUID order) {
        return JsonPath.read(get(token, "/api/v1/orders/{o}", order).returnResult(String.class).getResponseBody(),
                "$.placedAt");
    }
}
