package io.urop.menu;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.menu.editing.MenuDraft;
import io.urop.contracts.Role;
import io.urop.test.Databases;
import io.urop.test.ServiceIntegrationTest;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** menu-service against real PostgreSQL, Kafka and Redis, called as its clients do. */
@ServiceIntegrationTest
public abstract class MenuServiceTest {

    @Autowired
    protected RestTestClient http;

    /** A tenant of each test's own, with one location and its owner. */
    protected UUID tenant;
    protected UUID location;
    protected String owner;

    @BeforeEach
    void aTenantWithALocation() {
        tenant = UUID.randomUUID();
        location = location(tenant, "UTC");
        owner = owner(tenant);
    }

    protected static String owner(UUID tenant) {
        return TestTokens.user(tenant, Role.OWNER).subject(UUID.randomUUID().toString()).sign();
    }

    protected static String staff(UUID tenant, Role role, UUID... locations) {
        return TestTokens.user(tenant, role).subject(UUID.randomUUID().toString()).locations(locations).sign();
    }

    /** A location of the tenant, as menu-service knows it once tenant-service announced it. */
    protected static UUID location(UUID tenant, String timeZone) {
        UUID location = UUID.randomUUID();
        Databases.asSuperuser("menu").update("""
                insert into locations (id, tenant_id, name, time_zone, currency, open, menu_access, version)
                values (?, ?, 'Bistro', ?, 'EUR', true, 'PUBLIC', 0)""", location, tenant, timeZone);
        return location;
    }

    /** A new menu served at the location, with the draft saved; returns its id. */
    protected UUID menuWith(String token, UUID location, MenuDraft draft) {
        String created = call(token, http.post().uri("/api/v1/menus").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Dinner", "currency", "EUR", "locationIds", Set.of(location))))
                .expectStatus().isCreated().returnResult(String.class).getResponseBody();
        UUID menu = UUID.fromString(JsonPath.read(created, "$.id"));
        saveDraft(token, menu, draft, null).expectStatus().isOk();
        return menu;
    }

    protected RestTestClient.ResponseSpec saveDraft(String token, UUID menu, Object draft, String ifMatch) {
        RestTestClient.RequestBodySpec request = http.put().uri("/api/v1/menus/{m}/draft", menu)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return call(token, request.body(draft));
    }

    protected RestTestClient.ResponseSpec publish(String token, UUID menu) {
        return call(token, http.post().uri("/api/v1/menus/{m}/versions", menu));
    }

    protected RestTestClient.ResponseSpec publicMenu(UUID location, String acceptLanguage, String ifNoneMatch) {
        // the plain JSON: the test client would otherwise ask for gzip and unpack it itself
        RestTestClient.RequestHeadersSpec<?> request = http.get().uri("/api/v1/public/locations/{l}/menu", location)
                .header(HttpHeaders.ACCEPT_ENCODING, "identity");
        if (acceptLanguage != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        if (ifNoneMatch != null) {
            request.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
        }
        return request.exchange();
    }

    protected String publicMenuBody(UUID location) {
        return publicMenu(location, null, null).expectStatus().isOk().returnResult(String.class).getResponseBody();
    }

    protected static List<String> itemNames(String body) {
        return JsonPath.read(body, "$.categories[*].items[*].name");
    }

    protected static RestTestClient.ResponseSpec call(String token, RestTestClient.RequestHeadersSpec<?> request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
