package io.urop.order;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.contracts.Role;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static io.urop.order.TestMenus.FRIES;
import static io.urop.order.TestMenus.LARGE;
import static io.urop.order.TestMenus.SIDE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of order-service that names a tenant's objects, called by another tenant's owner with this tenant's
 * ids: each answers 404 and nothing of this tenant changes. The sweep lists the endpoints it covers; a new endpoint
 * fails it until it is added here.
 */
class CrossTenantSweepTest extends OrderServiceTest {

    /** Each tenant-scoped endpoint with a valid body, so that only the tenant check can refuse it. */
    private static final Map<String, Object> BODIES = new LinkedHashMap<>();
    static {
        BODIES.put("POST /api/v1/orders", Map.of("locationId", "{locationId}", "channel", "COUNTER",
                "lines", List.of(Map.of("itemId", TestMenus.LEMONADE.toString(), "sizeId", LARGE.toString(),
                        "quantity", 1))));
        BODIES.put("GET /api/v1/orders?locationId={locationId}", null);
        BODIES.put("GET /api/v1/orders/{orderId}", null);
        BODIES.put("GET /api/v1/orders/{orderId}/receipt", null);
        BODIES.put("GET /api/v1/orders/report?locationId={locationId}", null);
        BODIES.put("GET /api/v1/orders/tabs?locationId={locationId}", null);
        BODIES.put("GET /api/v1/orders/tabs/{tableSessionId}", null);
        BODIES.put("GET /api/v1/orders/{orderId}/history", null);
        BODIES.put("POST /api/v1/orders/{orderId}/acceptance", null);
        BODIES.put("POST /api/v1/orders/{orderId}/rejection", Map.of("reason", "closing"));
        BODIES.put("POST /api/v1/orders/{orderId}/cancellation", Map.of("reason", "closing"));
        BODIES.put("POST /api/v1/orders/{orderId}/lines/{lineId}/void", Map.of("reason", "spilt"));
        BODIES.put("POST /api/v1/orders/{orderId}/lines", Map.of("lines", List.of(Map.of(
                "itemId", TestMenus.LEMONADE.toString(), "sizeId", LARGE.toString(), "quantity", 1))));
        BODIES.put("POST /api/v1/orders/{orderId}/serving", null);
        BODIES.put("POST /api/v1/orders/{orderId}/counter-payment", Map.of("method", "CASH"));
        BODIES.put("GET /api/v1/orders/settings?locationId={locationId}", null);
        BODIES.put("PUT /api/v1/orders/settings?locationId={locationId}", Map.of("cartSubmission", "GUEST"));
        BODIES.put("GET /api/v1/kitchen/tickets?locationId={locationId}&station=bar", null);
        BODIES.put("GET /api/v1/kitchen/tickets/recently-bumped?locationId={locationId}&station=bar", null);
        BODIES.put("GET /api/v1/kitchen/tickets/held?locationId={locationId}", null);
        BODIES.put("GET /api/v1/kitchen/expeditor?locationId={locationId}", null);
        BODIES.put("GET /api/v1/kitchen/pacing?locationId={locationId}", null);
        BODIES.put("PUT /api/v1/kitchen/pacing?locationId={locationId}", Map.of("onlineOrderingPaused", true));
        BODIES.put("GET /api/v1/kitchen/countdowns?locationId={locationId}", null);
        BODIES.put("PUT /api/v1/kitchen/countdowns?locationId={locationId}", Map.of("itemId",
                TestMenus.BURGER.toString(), "remaining", 3));
        BODIES.put("DELETE /api/v1/kitchen/countdowns/{itemId}?locationId={locationId}", null);
        BODIES.put("POST /api/v1/kitchen/tickets/{ticketId}/bump", null);
        BODIES.put("POST /api/v1/kitchen/tickets/{ticketId}/items/{lineId}/bump", null);
        BODIES.put("POST /api/v1/kitchen/tickets/{ticketId}/recall", null);
        BODIES.put("POST /api/v1/kitchen/orders/{orderId}/courses/{course}/fire", null);
    }

    /** Endpoints that name no tenant's object: a diner's own cart and session, from its token (CartTest, OrderingTest). */
    private static final Set<String> NOT_TENANT_SCOPED = Set.of("GET /api/v1/orders/table-session",
            "GET /api/v1/orders/table-session/tab",
            "GET /api/v1/orders/cart", "POST /api/v1/orders/cart/lines", "PUT /api/v1/orders/cart/lines/{lineId}",
            "DELETE /api/v1/orders/cart/lines/{lineId}", "POST /api/v1/orders/cart/submission");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theSweepCoversEveryEndpoint() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getMethodsCondition().getMethods()
                .forEach(method -> info.getPatternValues().stream()
                        .filter(path -> path.startsWith("/api/"))
                        .forEach(path -> endpoints.add(method + " " + path))));
        Set<String> covered = new TreeSet<>();
        BODIES.keySet().forEach(endpoint -> covered.add(endpoint.replaceAll("\\?.*", "")));
        covered.addAll(NOT_TENANT_SCOPED);
        assertThat(endpoints).isEqualTo(covered);
    }

    @Test
    void anotherTenantsOwnerGetsNotFoundEverywhereAndChangesNothing() {
        Map<String, Object> mains = Map.of("itemId", TestMenus.BURGER, "quantity", 1, "course", 2,
                "choices", List.of(choice(SIDE, FRIES)));
        Diner diner = diner();
        UUID order = placed(diner.token(), Map.of("lines", List.of(lemonade(LARGE), mains)));
        String placed = get(member(Role.STAFF), "/api/v1/orders/{o}", order).returnResult(String.class).getResponseBody();
        String ticket = JsonPath.read(get(member(Role.KITCHEN), "/api/v1/kitchen/tickets?locationId={l}&station=bar",
                location).returnResult(String.class).getResponseBody(), "$[0].id");
        String intruder = TestTokens.user(UUID.randomUUID(), Role.OWNER).subject(UUID.randomUUID().toString()).sign();
        call(member(Role.MANAGER), http.put().uri("/api/v1/kitchen/countdowns?locationId={l}", location)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("itemId", TestMenus.BURGER, "remaining", 5)))
                .expectStatus().isOk();
        String before = snapshot();

        Map<String, String> ids = Map.of("locationId", location.toString(), "orderId", order.toString(),
                "lineId", JsonPath.read(placed, "$.lines[0].id"), "ticketId", ticket, "course", "2",
                "tableSessionId", diner.session().toString(), "itemId", TestMenus.BURGER.toString());
        BODIES.forEach((endpoint, body) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = fill(endpoint.substring(endpoint.indexOf(' ') + 1), ids);
            RestTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + intruder)
                    .header("Idempotency-Key", UUID.randomUUID().toString());
            if (body != null) {
                Map<String, Object> filled = new LinkedHashMap<>((Map<String, Object>) body);
                filled.replaceAll((key, value) -> value instanceof String text ? fill(text, ids) : value);
                request.contentType(MediaType.APPLICATION_JSON).body(filled);
            }
            assertThat(request.exchange().returnResult(String.class).getStatus().value()).as(endpoint).isEqualTo(404);
        });
        assertThat(snapshot()).isEqualTo(before);
    }

    private static String fill(String text, Map<String, String> ids) {
        for (Map.Entry<String, String> id : ids.entrySet()) {
            text = text.replace("{" + id.getKey() + "}", id.getValue());
        }
        return text;
    }

    /** Everything of the tenant, as the superuser sees it. */
    private String snapshot() {
        StringBuilder all = new StringBuilder();
        List<String> tables = SUPERUSER.queryForList("""
                select c.relname from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                where n.nspname = 'public' and c.relkind = 'r' and c.relname not in ('inbox', 'outbox') order by 1""",
                String.class);
        for (String table : tables) {
            all.append(table).append(SUPERUSER.queryForList(
                    "select * from " + table + " t where tenant_id = ? order by md5(t::text)", tenant));
        }
        return all.toString();
    }
}
