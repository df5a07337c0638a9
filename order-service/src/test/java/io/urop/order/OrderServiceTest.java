package io.urop.order;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.urop.contracts.AccessTokenClaims;
import io.urop.contracts.Role;
import io.urop.events.EventCodec;
import io.urop.menu.model.MenuSnapshot;
import io.urop.order.menu.MenuServiceStub;
import io.urop.test.Databases;
import io.urop.test.ServiceIntegrationTest;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * order-service against real PostgreSQL and Kafka, called as its clients do. Each test has a tenant of its own with
 * one location serving the bistro menu, as order-service knows them once tenant-service and menu-service announced
 * them.
 */
@ServiceIntegrationTest
public abstract class OrderServiceTest {

    protected static final JdbcTemplate SUPERUSER = Databases.asSuperuser("orders");

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected EventCodec codec;

    @Autowired
    protected JsonMapper json;

    protected UUID tenant;
    protected UUID location;
    protected UUID menu;

    @DynamicPropertySource
    static void fleet(DynamicPropertyRegistry registry) {
        String instances = "spring.cloud.discovery.client.simple.instances.";
        registry.add(instances + "menu-service[0].uri", MenuServiceStub.INSTANCE::uri);
        registry.add(instances + "auth-service[0].uri", MenuServiceStub.INSTANCE::uri);
        // scheduled orders whose slot started reach the kitchen within a second, not the fleet's ten
        registry.add("urop.pacing.firing-check", () -> "1s");
    }

    @BeforeEach
    void aTenantWithALocationServingTheBistroMenu() {
        tenant = UUID.randomUUID();
        takesPaymentsOnline(tenant);
        menu = UUID.randomUUID();
        location = location(tenant, "PAY_AT_THE_END", 1000, true, 0);
        serve(location, TestMenus.bistro(menu, tenant, 1, 1200));
    }

    /** The tenant's Stripe account is ready, as payment-service announced it. */
    protected static void takesPaymentsOnline(UUID tenant) {
        SUPERUSER.update("insert into online_payments (tenant_id, takes_payments, changed_at) values (?, true, now())",
                tenant);
    }

    /** A location of the tenant as tenant-service announced it; the mode as tenant-service names it. */
    protected static UUID location(UUID tenant, String paymentMode, int taxBasisPoints, boolean taxIncluded,
            int serviceChargeBasisPoints) {
        UUID location = UUID.randomUUID();
        SUPERUSER.update("""
                insert into locations (id, tenant_id, name, open, currency, time_zone, tax_rate_basis_points,
                    prices_include_tax, service_charge_basis_points, payment_mode, first_order_approval, version)
                values (?, ?, 'Bistro', true, 'EUR', 'Europe/Paris', ?, ?, ?, ?, false, 1)""",
                location, tenant, taxBasisPoints, taxIncluded, serviceChargeBasisPoints,
                switch (paymentMode) {
                    case "PAY_AT_THE_END" -> "PAY_AT_TABLE";
                    case "PAY_WHEN_ORDERING" -> "PAY_FIRST";
                    default -> paymentMode;
                });
        return location;
    }

    /** The location serves this menu version from now on, as once menu-service published it. */
    protected void serve(UUID location, MenuSnapshot snapshot) {
        SUPERUSER.update("""
                insert into menu_versions (menu_id, version, tenant_id, snapshot, received_at)
                values (?, ?, ?, ?::jsonb, now()) on conflict do nothing""",
                snapshot.menuId(), snapshot.version(), snapshot.tenantId(), json.writeValueAsString(snapshot));
        SUPERUSER.update("""
                insert into location_menus (location_id, tenant_id, menu_id, version) values (?, ?, ?, ?)
                on conflict (location_id) do update set menu_id = excluded.menu_id, version = excluded.version""",
                location, snapshot.tenantId(), snapshot.menuId(), snapshot.version());
    }

    /** A diner seated at a table of the location, in a table session, as qr-service's scan makes them. */
    protected Diner diner() {
        return diner(UUID.randomUUID(), UUID.randomUUID());
    }

    protected Diner diner(UUID table, UUID session) {
        String token = TestTokens.user(tenant, Role.DINER).subject(UUID.randomUUID().toString())
                .session(session.toString()).locations(location).claim(AccessTokenClaims.TABLE, table.toString()).sign();
        return new Diner(token, table, session);
    }

    protected String member(Role role) {
        return TestTokens.user(tenant, role).subject(UUID.randomUUID().toString()).sign();
    }

    protected static Map<String, Object> burger(int quantity, Map<String, Object>... choices) {
        return Map.of("itemId", TestMenus.BURGER, "quantity", quantity, "choices", List.of(choices));
    }

    protected static Map<String, Object> choice(UUID group, UUID option) {
        return Map.of("groupId", group, "optionId", option, "quantity", 1);
    }

    /** A lemonade of that size; without one, a line the menu refuses (the lemonade has sizes). */
    protected static Map<String, Object> lemonade(UUID size) {
        return size == null ? Map.of("itemId", TestMenus.LEMONADE, "quantity", 1)
                : Map.of("itemId", TestMenus.LEMONADE, "sizeId", size, "quantity", 1);
    }

    protected RestTestClient.ResponseSpec place(String token, String key, Object body) {
        RestTestClient.RequestBodySpec request = http.post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return call(token, request.body(body));
    }

    /** Places the order and returns its id. */
    protected UUID placed(String token, Object body) {
        String created = place(token, UUID.randomUUID().toString(), body).expectStatus().isCreated()
                .returnResult(String.class).getResponseBody();
        return UUID.fromString(com.jayway.jsonpath.JsonPath.read(created, "$.id"));
    }

    protected RestTestClient.ResponseSpec act(String token, UUID order, String action, Object body) {
        RestTestClient.RequestBodySpec request = http.post().uri("/api/v1/orders/{o}/" + action, order);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return call(token, request);
    }

    protected RestTestClient.ResponseSpec get(String token, String path, Object... vars) {
        return call(token, http.get().uri(path, vars));
    }

    /** Sends an event to its topic as its producer would. */
    protected void send(String topic, Object event, String key) {
        kafka.send(topic, key, codec.encode(codec.envelope(event, tenant, key, null)));
    }

    protected static RestTestClient.ResponseSpec call(String token, RestTestClient.RequestHeadersSpec<?> request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    protected record Diner(String token, UUID table, UUID session) {
    }
}
