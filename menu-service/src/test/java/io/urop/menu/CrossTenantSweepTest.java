package io.urop.menu;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;

import io.urop.menu.editing.MenuDraft;
import io.urop.contracts.Role;
import io.urop.test.Databases;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of menu-service that names a tenant's objects, called by another tenant's owner with this
 * tenant's ids: each answers 404 (or 403 for a role it lacks) and nothing of this tenant changes. The sweep lists
 * the endpoints it covers; a new endpoint fails it until it is added here.
 */
class CrossTenantSweepTest extends MenuServiceTest {

    /** Each tenant-scoped endpoint with a valid body, so that only the tenant check can refuse it. */
    private static final Map<String, Object> BODIES = new LinkedHashMap<>();
    static {
        MenuDraft hijacked = TestMenus.bistro("Hijacked");
        BODIES.put("POST /api/v1/menus", Map.of("name", "Stolen", "currency", "EUR", "locationIds", Set.of("{locationId}")));
        BODIES.put("GET /api/v1/menus/{menuId}", null);
        BODIES.put("PATCH /api/v1/menus/{menuId}", Map.of("name", "Hijacked"));
        BODIES.put("PUT /api/v1/menus/{menuId}/locations", Map.of("locationIds", Set.of()));
        BODIES.put("GET /api/v1/menus/{menuId}/draft", null);
        BODIES.put("PUT /api/v1/menus/{menuId}/draft", hijacked);
        BODIES.put("PUT /api/v1/menus/{menuId}/draft/category-order", Map.of("categoryIds", List.of(TestMenus.MAINS)));
        BODIES.put("PUT /api/v1/menus/{menuId}/draft/categories/{categoryId}/item-order",
                Map.of("itemIds", List.of(TestMenus.SOUP, TestMenus.BURGER)));
        BODIES.put("PUT /api/v1/menus/{menuId}/draft/categories/{categoryId}", hijacked.categories().get(0));
        BODIES.put("DELETE /api/v1/menus/{menuId}/draft/categories/{categoryId}", null);
        BODIES.put("PUT /api/v1/menus/{menuId}/draft/items/{itemId}", hijacked.categories().get(0).items().get(0));
        BODIES.put("DELETE /api/v1/menus/{menuId}/draft/items/{itemId}", null);
        BODIES.put("DELETE /api/v1/menus/images/{imageKey}", null);
        BODIES.put("POST /api/v1/menus/{menuId}/versions", null);
        BODIES.put("GET /api/v1/menus/{menuId}/versions", null);
        BODIES.put("GET /api/v1/menus/{menuId}/versions/{version}", null);
        BODIES.put("POST /api/v1/menus/{menuId}/versions/{version}/restoration", null);
        BODIES.put("GET /api/v1/menus/{menuId}/versions/{version}/changes", null);
        BODIES.put("GET /api/v1/menus/locations/{locationId}/unavailable", null);
        BODIES.put("PUT /api/v1/menus/locations/{locationId}/unavailable/{targetId}", null);
        BODIES.put("DELETE /api/v1/menus/locations/{locationId}/unavailable/{targetId}", null);
        // the victim's location keeps its menu for its table guests: another tenant's token finds none there
        BODIES.put("GET /api/v1/public/locations/{locationId}/menu", null);
    }

    /** Endpoints that name none of a tenant's objects: the caller's own list, and an upload into its own tenant. */
    private static final Set<String> NOT_TENANT_SCOPED = Set.of("GET /api/v1/menus", "POST /api/v1/menus/images");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final JdbcTemplate superuser = Databases.asSuperuser("menu");

    @Test
    void theSweepCoversEveryEndpoint() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getMethodsCondition().getMethods()
                .forEach(method -> info.getPathPatternsCondition().getPatternValues().stream()
                        .filter(path -> path.startsWith("/api/"))
                        .forEach(path -> endpoints.add(method + " " + path))));
        Set<String> covered = new TreeSet<>(BODIES.keySet());
        covered.addAll(NOT_TENANT_SCOPED);
        assertThat(endpoints).isEqualTo(covered);
    }

    @Test
    void anotherTenantsOwnerGetsNotFoundEverywhereAndChangesNothing() throws IOException {
        UUID menu = menuWith(owner, location, TestMenus.bistro("Classic burger"));
        publish(owner, menu).expectStatus().isCreated();
        call(owner, http.put().uri("/api/v1/menus/locations/{l}/unavailable/{t}", location, TestMenus.SALAD))
                .expectStatus().isNoContent();
        String imageKey = JsonPath.read(call(owner, http.post().uri("/api/v1/menus/images")
                .contentType(MediaType.IMAGE_PNG).body(png())).expectStatus().isCreated()
                .returnResult(String.class).getResponseBody(), "$.imageKey");
        superuser.update("update locations set menu_access = 'TABLE_GUESTS' where id = ?", location);
        String intruder = owner(UUID.randomUUID());
        String before = snapshot();

        Map<String, String> ids = Map.of("menuId", menu.toString(), "locationId", location.toString(),
                "categoryId", TestMenus.MAINS.toString(), "itemId", TestMenus.BURGER.toString(), "imageKey", imageKey,
                "version", "1", "targetId", TestMenus.SOUP.toString());
        BODIES.forEach((endpoint, body) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            for (Map.Entry<String, String> id : ids.entrySet()) {
                path = path.replace("{" + id.getKey() + "}", id.getValue());
            }
            RestTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + intruder);
            if (body != null) {
                Object named = body instanceof Map<?, ?> map && map.containsKey("locationIds")
                        && map.get("locationIds").equals(Set.of("{locationId}"))
                        ? Map.of("name", "Stolen", "currency", "EUR", "locationIds", Set.of(location)) : body;
                request.contentType(MediaType.APPLICATION_JSON).body(named);
            }
            int status = request.exchange().returnResult(String.class).getStatus().value();
            assertThat(status).as(method + " " + path).isIn(403, 404);
        });

        assertThat(snapshot()).isEqualTo(before);
        String list = call(intruder, http.get().uri("/api/v1/menus")).expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat((Integer) JsonPath.read(list, "$.total")).isZero();
        call(staff(tenant, Role.STAFF, location), http.get().uri("/api/v1/public/locations/{l}/menu", location)
                .header(HttpHeaders.ACCEPT_ENCODING, "identity")).expectStatus().isOk();
    }

    /** Everything of the tenant, as the superuser sees it. */
    private String snapshot() {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("menus", "menu_versions", "menu_locations", "unavailable", "locations", "images")) {
            all.append(table).append(superuser.queryForList("select * from " + table + " where tenant_id = ? order by 1, 2",
                    tenant));
        }
        return all.toString();
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", bytes);
        return bytes.toByteArray();
    }
}
