package io.urop.tenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.contracts.Role;
import io.urop.test.Databases;
import io.urop.test.tokens.TestTokens;
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
 * Every endpoint of tenant-service that names a tenant's objects, called by another tenant's owner
 * with this tenant's ids: each answers 404 (or 403 for a role it lacks) and nothing of this tenant
 * changes; and by a diner of this very tenant, who reads its location's profile and is refused everything else.
 * The sweep lists the endpoints it covers; a new endpoint fails it until it is added here.
 */
class CrossTenantSweepTest extends TenantServiceTest {

    /** Each tenant-scoped endpoint with a valid body, so that only the tenant check can refuse it. */
    private static final Map<String, Object> BODIES = new LinkedHashMap<>();
    static {
        BODIES.put("GET /api/v1/tenants/{tenantId}/locations", null);
        BODIES.put("POST /api/v1/tenants/{tenantId}/locations", Signups.location("Stolen"));
        BODIES.put("GET /api/v1/tenants/{tenantId}/locations/{locationId}", null);
        BODIES.put("GET /api/v1/tenants/{tenantId}/locations/{locationId}/profile", null);
        BODIES.put("PUT /api/v1/tenants/{tenantId}/locations/{locationId}", Signups.location("Hijacked"));
        BODIES.put("DELETE /api/v1/tenants/{tenantId}/locations/{locationId}", null);
        BODIES.put("GET /api/v1/tenants/{tenantId}/members", null);
        BODIES.put("PUT /api/v1/tenants/{tenantId}/members/{memberId}/access", Map.of("role", "OWNER"));
        BODIES.put("POST /api/v1/tenants/{tenantId}/members/{memberId}/deactivation", null);
        BODIES.put("GET /api/v1/tenants/{tenantId}/invitations", null);
        BODIES.put("POST /api/v1/tenants/{tenantId}/invitations",
                Map.of("email", "spy@example.com", "role", "OWNER", "locationIds", List.of()));
        BODIES.put("DELETE /api/v1/tenants/{tenantId}/invitations/{invitationId}", null);
        BODIES.put("GET /api/v1/tenants/{tenantId}/audit-events", null);
    }

    /** Endpoints that name no tenant: public ones, where the tenant comes from a signed token or is new. */
    private static final Set<String> NOT_TENANT_SCOPED = Set.of("POST /api/v1/signup",
            "POST /api/v1/invitations/{token}/acceptance");

    @Autowired
    RestTestClient http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final JdbcTemplate superuser = Databases.asSuperuser("tenant");

    @Test
    void theSweepCoversEveryEndpoint() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getMethodsCondition().getMethods()
                .forEach(method -> info.getPatternValues().stream().filter(path -> path.startsWith("/api/"))
                        .forEach(path -> endpoints.add(method + " " + path))));
        Set<String> covered = new TreeSet<>(BODIES.keySet());
        covered.addAll(NOT_TENANT_SCOPED);
        assertThat(endpoints).isEqualTo(covered);
    }

    @Test
    void anotherTenantsOwnerGetsNotFoundEverywhereAndChangesNothing() {
        Tenant victim = Tenant.signUp(http);
        Tenant intruder = Tenant.signUp(http);
        String intruderOwner = TestTokens.user(intruder.id, Role.OWNER).subject(intruder.ownerId.toString()).sign();
        String before = snapshot(victim.id);

        Map<String, UUID> victimIds = Map.of("tenantId", victim.id, "locationId", victim.locationId,
                "memberId", victim.memberId, "invitationId", victim.invitationId);
        // the victim's own tenant id in the path, or the intruder's with the victim's object ids
        Map<String, UUID> mixedIds = Map.of("tenantId", intruder.id, "locationId", victim.locationId,
                "memberId", victim.memberId, "invitationId", victim.invitationId);
        for (Map<String, UUID> ids : List.of(victimIds, mixedIds)) {
            BODIES.forEach((endpoint, body) -> {
                String method = endpoint.substring(0, endpoint.indexOf(' '));
                String path = endpoint.substring(endpoint.indexOf(' ') + 1);
                for (Map.Entry<String, UUID> id : ids.entrySet()) {
                    path = path.replace("{" + id.getKey() + "}", id.getValue().toString());
                }
                if (ids == mixedIds && !endpoint.replace("{tenantId}", "").contains("{")) {
                    return; // with the intruder's own tenant and no object id, it is the intruder's own list
                }
                RestTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(path)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + intruderOwner);
                if (body != null) {
                    request.contentType(MediaType.APPLICATION_JSON).body(body);
                }
                int status = request.exchange().returnResult(String.class).getStatus().value();
                assertThat(status).as(method + " " + path).isIn(403, 404);
            });
        }
        assertThat(snapshot(victim.id)).isEqualTo(before);
    }

    @Test
    void aDinerOfTheTenantReadsOnlyItsLocationsProfileAndChangesNothing() {
        Tenant tenant = Tenant.signUp(http);
        String diner = TestTokens.user(tenant.id, Role.DINER).subject(UUID.randomUUID().toString())
                .session(UUID.randomUUID().toString()).locations(tenant.locationId)
                .claim("tbl", UUID.randomUUID().toString()).sign();
        String before = snapshot(tenant.id);
        Map<String, UUID> ids = Map.of("tenantId", tenant.id, "locationId", tenant.locationId,
                "memberId", tenant.memberId, "invitationId", tenant.invitationId);

        BODIES.forEach((endpoint, body) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            for (Map.Entry<String, UUID> id : ids.entrySet()) {
                path = path.replace("{" + id.getKey() + "}", id.getValue().toString());
            }
            RestTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + diner);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            var result = request.exchange().returnResult(String.class);
            if (endpoint.endsWith("/profile")) {
                assertThat(result.getStatus().value()).as(endpoint).isEqualTo(200);
            }
            else {
                assertThat(result.getStatus().value()).as(endpoint).isEqualTo(403);
                assertThat(result.getResponseHeaders().getContentType()).as(endpoint)
                        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            }
        });
        assertThat(snapshot(tenant.id)).isEqualTo(before);
    }

    /** Everything of a tenant, as the superuser sees it. */
    private String snapshot(UUID tenant) {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("locations", "members", "invitations")) {
            all.append(superuser.queryForList("select * from " + table + " where tenant_id = ? order by id", tenant));
        }
        return all.append(superuser.queryForList("select * from tenants where id = ?", tenant)).toString();
    }

    private record Tenant(UUID id, UUID locationId, UUID ownerId, UUID memberId, UUID invitationId) {

        static Tenant signUp(RestTestClient http) {
            String body = http.post().uri("/api/v1/signup").contentType(MediaType.APPLICATION_JSON)
                    .body(Signups.signup(Signups.slug(), "owner-" + UUID.randomUUID() + "@example.com"))
                    .exchange().expectStatus().isCreated().returnResult(String.class).getResponseBody();
            UUID tenant = UUID.fromString(JsonPath.read(body, "$.tenantId"));
            UUID owner = UUID.fromString(JsonPath.read(body, "$.ownerId"));
            String token = TestTokens.user(tenant, Role.OWNER).subject(owner.toString()).sign();
            String invited = http.post().uri("/api/v1/tenants/{t}/invitations", tenant)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("email", "waiter-" + UUID.randomUUID() + "@example.com", "role", "STAFF"))
                    .exchange().expectStatus().isCreated().returnResult(String.class).getResponseBody();
            return new Tenant(tenant, UUID.fromString(JsonPath.read(body, "$.locationId")), owner, owner,
                    UUID.fromString(JsonPath.read(invited, "$.id")));
        }
    }
}
