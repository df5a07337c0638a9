package io.urop.qr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.urop.test.Databases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of qr-service that names a tenant's objects, called by another tenant's owner with this
 * tenant's ids: each answers 404 and nothing of this tenant changes. The sweep lists the endpoints it covers; a new
 * endpoint fails it until it is added here.
 */
class CrossTenantSweepTest extends QrServiceTest {

    /** Each tenant-scoped endpoint with a valid body, so that only the tenant check can refuse it. */
    private static final Map<String, Object> BODIES = new LinkedHashMap<>();
    static {
        BODIES.put("POST /api/v1/areas", Map.of("locationId", "{locationId}", "name", "Stolen"));
        BODIES.put("GET /api/v1/areas?locationId={locationId}", null);
        BODIES.put("GET /api/v1/areas/{areaId}", null);
        BODIES.put("PUT /api/v1/areas/{areaId}", Map.of("name", "Hijacked"));
        BODIES.put("DELETE /api/v1/areas/{areaId}", null);
        BODIES.put("POST /api/v1/tables", Map.of("locationId", "{locationId}", "name", "Stolen", "seats", 2));
        BODIES.put("POST /api/v1/tables/bulk", Map.of("locationId", "{locationId}", "namePattern", "S{n}", "from", 1,
                "to", 3, "seats", 2));
        BODIES.put("GET /api/v1/tables?locationId={locationId}", null);
        BODIES.put("GET /api/v1/tables/{tableId}", null);
        BODIES.put("PUT /api/v1/tables/{tableId}", Map.of("name", "Hijacked", "seats", 2));
        BODIES.put("POST /api/v1/tables/{tableId}/deactivation", null);
        BODIES.put("POST /api/v1/tables/{tableId}/activation", null);
        BODIES.put("GET /api/v1/tables/{tableId}/qr-code", null);
        BODIES.put("POST /api/v1/tables/{tableId}/qr-rotation", null);
        BODIES.put("GET /api/v1/tables/{tableId}/qr-code.png", null);
        BODIES.put("GET /api/v1/tables/{tableId}/qr-code.svg", null);
        BODIES.put("GET /api/v1/tables/{tableId}/session", null);
        BODIES.put("POST /api/v1/tables/{tableId}/session", null);
        BODIES.put("DELETE /api/v1/tables/{tableId}/session", null);
        BODIES.put("POST /api/v1/tables/{tableId}/session/move", Map.of("toTableId", "{tableId}"));
        BODIES.put("POST /api/v1/tables/{tableId}/session/merge", Map.of("fromTableId", "{tableId}"));
        BODIES.put("POST /api/v1/tables/{tableId}/session/approval", null);
        BODIES.put("GET /api/v1/tables/{tableId}/scans", null);
        BODIES.put("GET /api/v1/tables/qr-sheet.pdf?locationId={locationId}", null);
    }

    /**
     * Endpoints that name no tenant's object: the caller's own tenant is the one they act on, or (the scan) the one a
     * signed code names, or (a diner's session) the one their token names (TableSessionsTest).
     */
    private static final Set<String> NOT_TENANT_SCOPED = Set.of("POST /api/v1/tables/qr-keys",
            "GET /q/{token}", "GET /api/v1/table-sessions/current", "POST /api/v1/table-sessions/current/token",
            "POST /api/v1/table-sessions/current/assistance");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final JdbcTemplate superuser = Databases.asSuperuser("qr");

    @Test
    void theSweepCoversEveryEndpoint() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getMethodsCondition().getMethods()
                .forEach(method -> info.getPatternValues().stream()
                        .filter(path -> path.startsWith("/api/") || path.startsWith("/q/"))
                        .forEach(path -> endpoints.add(method + " " + path))));
        Set<String> covered = new TreeSet<>();
        BODIES.keySet().forEach(endpoint -> covered.add(endpoint.replaceAll("\\?.*", "")));
        covered.addAll(NOT_TENANT_SCOPED);
        assertThat(endpoints).isEqualTo(covered);
    }

    @Test
    void anotherTenantsOwnerGetsNotFoundEverywhereAndChangesNothing() {
        UUID area = createArea(owner, location, "Terrace");
        UUID table = createTable(owner, location, "1");
        String intruder = owner(UUID.randomUUID());
        String before = snapshot();

        Map<String, String> ids = Map.of("locationId", location.toString(), "areaId", area.toString(),
                "tableId", table.toString());
        BODIES.forEach((endpoint, body) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = fill(endpoint.substring(endpoint.indexOf(' ') + 1), ids);
            RestTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + intruder);
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
        for (String table : List.of("locations", "areas", "dining_tables")) {
            all.append(superuser.queryForList("select * from " + table + " where tenant_id = ? order by id", tenant));
        }
        return all.toString();
    }
}
