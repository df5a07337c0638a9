package io.urop.order.report;

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

import static io.urop.order.TestMenus.FRIES;
import static io.urop.order.TestMenus.LARGE;
import static io.urop.order.TestMenus.SIDE;
import static org.assertj.core.api.Assertions.assertThat;

class SalesReportTest extends OrderServiceTest {

    private static final String REPORT = "/api/v1/orders/report?locationId={l}";

    @Test
    void aManagerSeesSalesByTheLocationsOwnDaysAndHoursTheDishesSoldMostAndEachStationsTimes() {
        String waiter = member(Role.STAFF);
        UUID lateOnTheFirst = counterOrder(waiter, burger(2, choice(SIDE, FRIES)));
        UUID justAfterMidnight = counterOrder(waiter, burger(1, choice(SIDE, FRIES)), lemonade(LARGE));
        UUID cancelled = counterOrder(waiter, burger(3, choice(SIDE, FRIES)));
        act(waiter, cancelled, "cancellation", Map.of("reason", "guest left")).expectStatus().isOk();
        UUID waitingForPayment = counterOrder(waiter, burger(4, choice(SIDE, FRIES)));
        SUPERUSER.update("update orders set state = 'PENDING_PAYMENT' where id = ?", waitingForPayment);
        UUID elsewhere = location(tenant, "PAY_AT_THE_END", 1000, true, 0);
        serve(elsewhere, TestMenus.bistro(menu, tenant, 1, 1200));
        UUID otherLocations = placed(waiter, Map.of("locationId", elsewhere, "channel", "COUNTER",
                "lines", List.of(lemonade(LARGE))));
        // Paris is at UTC+1 in November: 22:30 UTC is 23:30 on the 2nd, 23:15 UTC is a quarter past midnight on the 3rd
        placedAt(lateOnTheFirst, "2026-11-02T22:30:00Z");
        placedAt(justAfterMidnight, "2026-11-02T23:15:00Z");
        placedAt(cancelled, "2026-11-03T10:00:00Z");
        placedAt(waitingForPayment, "2026-11-03T10:00:00Z");
        placedAt(otherLocations, "2026-11-03T10:00:00Z");
        SUPERUSER.update("update orders set refunded = 450 where id = ?", justAfterMidnight);
        kitchenTook(lateOnTheFirst, "grill", "2026-11-02T22:31:00Z", 300);
        kitchenTook(justAfterMidnight, "grill", "2026-11-02T23:16:00Z", 600);
        kitchenTook(justAfterMidnight, "bar", "2026-11-02T23:16:00Z", 60);

        String report = report(member(Role.MANAGER), "&from=2026-11-02&to=2026-11-03");

        assertThat((String) JsonPath.read(report, "$.currency")).isEqualTo("EUR");
        assertThat((String) JsonPath.read(report, "$.timeZone")).isEqualTo("Europe/Paris");
        assertThat((Map<String, Integer>) JsonPath.read(report, "$.totals")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "orders", 2, "sales", 2400 + 1200 + 450, "refunded", 450, "averageOrder", 2025));
        assertThat((List<String>) JsonPath.read(report, "$.days[*].date")).containsExactly("2026-11-02", "2026-11-03");
        assertThat((List<Integer>) JsonPath.read(report, "$.days[*].sales")).containsExactly(2400, 1650);
        assertThat((List<Integer>) JsonPath.read(report, "$.hours[*].hour")).hasSize(24).startsWith(0, 1);
        assertThat((List<Integer>) JsonPath.read(report, "$.hours[*].orders"))
                .containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat((List<String>) JsonPath.read(report, "$.items[*].name")).containsExactly("Burger", "Lemonade");
        assertThat((List<Integer>) JsonPath.read(report, "$.items[*].quantity")).containsExactly(3, 1);
        assertThat((List<Integer>) JsonPath.read(report, "$.items[*].sales")).containsExactly(3600, 450);
        assertThat((List<String>) JsonPath.read(report, "$.stations[*].station")).containsExactly("bar", "grill");
        assertThat((Integer) JsonPath.read(report, "$.stations[1].tickets")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(report, "$.stations[1].medianSeconds")).isEqualTo(450);
        assertThat((Integer) JsonPath.read(report, "$.stations[1].p90Seconds")).isEqualTo(570);

        String thirdOnly = report(member(Role.OWNER), "&from=2026-11-03&to=2026-11-03");
        assertThat((Integer) JsonPath.read(thirdOnly, "$.totals.orders")).isEqualTo(1);
        assertThat((List<String>) JsonPath.read(thirdOnly, "$.items[*].name")).containsExactly("Burger", "Lemonade");
    }

    @Test
    void withoutDatesItIsTheLastSevenDaysTodayIncluded() {
        String waiter = member(Role.STAFF);
        counterOrder(waiter, lemonade(LARGE));
        UUID lastWeek = counterOrder(waiter, lemonade(LARGE));
        SUPERUSER.update("update orders set placed_at = now() - interval '8 days' where id = ?", lastWeek);

        String report = report(member(Role.MANAGER), "");

        assertThat((List<String>) JsonPath.read(report, "$.days[*].date")).hasSize(7);
        assertThat((Integer) JsonPath.read(report, "$.totals.orders")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(report, "$.days[6].sales")).isEqualTo(450);
    }

    @Test
    void badPeriodsAreFieldErrorsAndOnlyTheLocationsManagersSeeItsReport() {
        String manager = member(Role.MANAGER);
        get(manager, REPORT + "&from=2026-11-03&to=2026-11-02", location).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        get(manager, REPORT + "&from=2024-01-01&to=2026-01-01", location).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        get(manager, REPORT + "&from=yesterday", location).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get(manager, "/api/v1/orders/report").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        get(member(Role.STAFF), REPORT, location).expectStatus().isForbidden();
        get(member(Role.KITCHEN), REPORT, location).expectStatus().isForbidden();
        get(diner().token(), REPORT, location).expectStatus().isForbidden();
        get(TestTokens.user(UUID.randomUUID(), Role.OWNER).sign(), REPORT, location).expectStatus().isNotFound();
        get(TestTokens.user(tenant, Role.MANAGER).subject(UUID.randomUUID().toString()).locations(UUID.randomUUID())
                .sign(), REPORT, location).expectStatus().isNotFound();
        get(manager, REPORT, UUID.randomUUID()).expectStatus().isNotFound();
        get(manager, REPORT, location).expectStatus().isOk();
    }

    private UUID counterOrder(String waiter, Map<String, Object>... lines) {
        return placed(waiter, Map.of("locationId", location, "channel", "COUNTER", "lines", List.of(lines)));
    }

    private static void placedAt(UUID order, String at) {
        SUPERUSER.update("update orders set placed_at = ?::timestamptz where id = ?", at, order);
    }

    /** The order's ticket at the station was fired then, and bumped that many seconds later. */
    private static void kitchenTook(UUID order, String station, String firedAt, int seconds) {
        assertThat(SUPERUSER.update("""
                update kitchen_tickets set fired_at = ?::timestamptz,
                    bumped_at = ?::timestamptz + make_interval(secs => ?), state = 'BUMPED'
                where order_id = ? and station = ?""", firedAt, firedAt, seconds, order, station)).isOne();
    }

    private String report(String token, String query) {
        return get(token, REPORT + query, location).expectStatus().isOk().returnResult(String.class)
                .getResponseBody();
    }
}
