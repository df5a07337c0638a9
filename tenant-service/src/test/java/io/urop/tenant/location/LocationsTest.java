package io.urop.tenant.location;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.contracts.Role;
import io.urop.tenant.Signups;
import io.urop.tenant.TenantServiceTest;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class LocationsTest extends TenantServiceTest {

    @Autowired
    RestTestClient http;

    UUID tenant;
    UUID firstLocation;
    String owner;

    @BeforeEach
    void aTenantWithOneLocation() {
        String body = http.post().uri("/api/v1/signup").contentType(MediaType.APPLICATION_JSON)
                .body(Signups.signup(Signups.slug(), "owner-" + UUID.randomUUID() + "@example.com"))
                .exchange().expectStatus().isCreated().returnResult(String.class).getResponseBody();
        tenant = UUID.fromString(JsonPath.read(body, "$.tenantId"));
        firstLocation = UUID.fromString(JsonPath.read(body, "$.locationId"));
        owner = TestTokens.user(tenant, Role.OWNER).sign();
    }

    @Test
    void anOwnerOpensChangesAndClosesLocations() {
        UUID terrace = open(owner, "La Terrasse");
        assertThat(names(owner)).containsExactly("Bistro " + slugOf() + " Opéra", "La Terrasse");

        Map<String, Object> changed = new HashMap<>(Signups.location("La Terrasse du Port"));
        changed.put("serviceChargeBasisPoints", 1250);
        call(owner, http.put().uri(locationUri(terrace)).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).body(changed))
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.details.serviceChargeBasisPoints").isEqualTo(1250);

        // someone who loaded version 0 cannot overwrite version 1
        call(owner, http.put().uri(locationUri(terrace)).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).body(Signups.location("Stale")))
                .expectStatus().isEqualTo(412)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        call(owner, http.delete().uri(locationUri(terrace))).expectStatus().isNoContent();
        assertThat(names(owner)).doesNotContain("La Terrasse du Port");
        call(owner, http.get().uri(locationUri(terrace))).expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false);
    }

    @Test
    void aManagerOfOneLocationSeesAndChangesOnlyThatOne() {
        UUID terrace = open(owner, "La Terrasse");
        String manager = TestTokens.user(tenant, Role.MANAGER).locations(terrace).sign();

        assertThat(names(manager)).containsExactly("La Terrasse");
        call(manager, http.get().uri(locationUri(firstLocation))).expectStatus().isNotFound();
        call(manager, http.put().uri(locationUri(firstLocation)).contentType(MediaType.APPLICATION_JSON)
                .body(Signups.location("Mine now"))).expectStatus().isNotFound();
        call(manager, http.put().uri(locationUri(terrace)).contentType(MediaType.APPLICATION_JSON)
                .body(Signups.location("La Terrasse (summer)"))).expectStatus().isOk();
        call(manager, http.post().uri("/api/v1/tenants/{t}/locations", tenant).contentType(MediaType.APPLICATION_JSON)
                .body(Signups.location("Another"))).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        call(manager, http.delete().uri(locationUri(terrace))).expectStatus().isForbidden();
    }

    @Test
    void aLocationsMenuIsPublicUntilItsOwnerKeepsItForTableGuests() {
        call(owner, http.get().uri(locationUri(firstLocation))).expectStatus().isOk()
                .expectBody().jsonPath("$.details.menuAccess").isEqualTo("PUBLIC");

        Map<String, Object> guestsOnly = new HashMap<>(Signups.location("Bistro (guests only)"));
        guestsOnly.put("menuAccess", "TABLE_GUESTS");
        call(owner, http.put().uri(locationUri(firstLocation)).contentType(MediaType.APPLICATION_JSON).body(guestsOnly))
                .expectStatus().isOk().expectBody().jsonPath("$.details.menuAccess").isEqualTo("TABLE_GUESTS");
        call(owner, http.get().uri(locationUri(firstLocation))).expectStatus().isOk()
                .expectBody().jsonPath("$.details.menuAccess").isEqualTo("TABLE_GUESTS");

        Map<String, Object> unknown = new HashMap<>(guestsOnly);
        unknown.put("menuAccess", "FRIENDS_ONLY");
        call(owner, http.put().uri(locationUri(firstLocation)).contentType(MediaType.APPLICATION_JSON).body(unknown))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        call(owner, http.get().uri(locationUri(firstLocation))).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.details.menuAccess").isEqualTo("TABLE_GUESTS");
    }

    @Test
    void aManagerMakesStaffApproveEachTableSessionsFirstOrder() {
        call(owner, http.get().uri(locationUri(firstLocation))).expectStatus().isOk()
                .expectBody().jsonPath("$.details.firstOrderApproval").isEqualTo(false);
        String manager = TestTokens.user(tenant, Role.MANAGER).locations(firstLocation).sign();

        Map<String, Object> approved = new HashMap<>(Signups.location("Bistro (first orders approved)"));
        approved.put("firstOrderApproval", true);
        call(manager, http.put().uri(locationUri(firstLocation)).contentType(MediaType.APPLICATION_JSON).body(approved))
                .expectStatus().isOk().expectBody().jsonPath("$.details.firstOrderApproval").isEqualTo(true);
        call(owner, http.get().uri(locationUri(firstLocation))).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.details.firstOrderApproval").isEqualTo(true);

        for (Object notABoolean : List.of("yes", Map.of("enabled", true), List.of(true))) {
            Map<String, Object> invalid = new HashMap<>(approved);
            invalid.put("firstOrderApproval", notABoolean);
            call(manager, http.put().uri(locationUri(firstLocation)).contentType(MediaType.APPLICATION_JSON).body(invalid))
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        call(owner, http.get().uri(locationUri(firstLocation))).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.details.firstOrderApproval").isEqualTo(true);

        // like every optional setting, a change that leaves it out sets it back to its default
        call(manager, http.put().uri(locationUri(firstLocation)).contentType(MediaType.APPLICATION_JSON)
                .body(Signups.location("Bistro"))).expectStatus().isOk()
                .expectBody().jsonPath("$.details.firstOrderApproval").isEqualTo(false);
    }

    @Test
    void staffAndKitchenReadButDoNotChange() {
        for (Role role : List.of(Role.STAFF, Role.KITCHEN)) {
            String token = TestTokens.user(tenant, role).sign();
            call(token, http.get().uri(locationUri(firstLocation))).expectStatus().isOk();
            call(token, http.put().uri(locationUri(firstLocation)).contentType(MediaType.APPLICATION_JSON)
                    .body(Signups.location("Renamed"))).expectStatus().isForbidden();
        }
    }

    @Test
    void aDinerReadsItsLocationsPublicProfileAndNoneOfItsSettings() {
        String diner = diner(firstLocation);

        String profile = call(diner, http.get().uri(locationUri(firstLocation) + "/profile"))
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .returnResult(String.class).getResponseBody();
        assertThat(JsonPath.<Map<String, Object>>read(profile, "$"))
                .containsOnlyKeys("id", "name", "currency", "timeZone", "openingHours")
                .containsEntry("id", firstLocation.toString())
                .containsEntry("currency", "EUR")
                .containsEntry("timeZone", "Europe/Paris");
        assertThat(JsonPath.<List<String>>read(profile, "$.openingHours[*].day")).containsExactly("FRIDAY");

        // the record staff read, with tax, payment mode, menu access and first-order approval, is not theirs
        call(diner, http.get().uri(locationUri(firstLocation))).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("taxRate", "paymentMode"));
        call(diner, http.get().uri("/api/v1/tenants/{t}/locations", tenant)).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aDinerCannotReadAnotherLocationOfTheSameTenant() {
        UUID terrace = open(owner, "La Terrasse");
        String diner = diner(firstLocation);

        call(diner, http.get().uri(locationUri(terrace) + "/profile")).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        call(diner, http.get().uri(locationUri(UUID.randomUUID()) + "/profile")).expectStatus().isNotFound();
        // the full record answers alike whether the id exists or not, so ids cannot be probed
        call(diner, http.get().uri(locationUri(terrace))).expectStatus().isForbidden();
        call(diner, http.get().uri(locationUri(UUID.randomUUID()))).expectStatus().isForbidden();
        // the terrace's own diners read its profile
        call(diner(terrace), http.get().uri(locationUri(terrace) + "/profile")).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("La Terrasse");
    }

    @Test
    void aLocationsPeopleReadItsProfileToo() {
        String manager = TestTokens.user(tenant, Role.MANAGER).locations(firstLocation).sign();
        UUID terrace = open(owner, "La Terrasse");

        call(owner, http.get().uri(locationUri(terrace) + "/profile")).expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("La Terrasse");
        call(manager, http.get().uri(locationUri(firstLocation) + "/profile")).expectStatus().isOk();
        call(manager, http.get().uri(locationUri(terrace) + "/profile")).expectStatus().isNotFound();
        call(owner, http.get().uri(locationUri(firstLocation) + "/profile").header("If-None-Match", "\"0\""))
                .expectStatus().isNotModified();
        call(owner, http.get().uri("/api/v1/tenants/{t}/locations/not-an-id/profile", tenant))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anotherTenantsLocationsAreNotFound() {
        String stranger = TestTokens.user(UUID.randomUUID(), Role.OWNER).sign();
        call(stranger, http.get().uri("/api/v1/tenants/{t}/locations", tenant)).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        call(stranger, http.get().uri(locationUri(firstLocation))).expectStatus().isNotFound();
        call(stranger, http.put().uri(locationUri(firstLocation)).contentType(MediaType.APPLICATION_JSON)
                .body(Signups.location("Hijacked"))).expectStatus().isNotFound();
        call(stranger, http.delete().uri(locationUri(firstLocation))).expectStatus().isNotFound();

        // even naming their own tenant in the path, a stranger cannot reach this tenant's location id
        UUID strangerTenant = UUID.randomUUID();
        String strangerOwner = TestTokens.user(strangerTenant, Role.OWNER).sign();
        call(strangerOwner, http.get().uri("/api/v1/tenants/{t}/locations/{l}", strangerTenant, firstLocation))
                .expectStatus().isNotFound();
        assertThat(names(owner)).hasSize(1).noneMatch(name -> name.equals("Hijacked"));
    }

    @Test
    void pagingIsBoundedAndBadInputChangesNothing() {
        call(owner, http.get().uri("/api/v1/tenants/{t}/locations?size=201", tenant)).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        call(owner, http.get().uri("/api/v1/tenants/{t}/locations?page=-1", tenant)).expectStatus().isBadRequest();
        Map<String, Object> bad = new HashMap<>(Signups.location("Bad"));
        bad.put("currency", "EURO");
        bad.put("paymentMode", "BARTER");
        call(owner, http.put().uri(locationUri(firstLocation)).contentType(MediaType.APPLICATION_JSON).body(bad))
                .expectStatus().isBadRequest();
        call(owner, http.get().uri(locationUri(firstLocation))).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\"");
    }

    private UUID open(String token, String name) {
        String body = call(token, http.post().uri("/api/v1/tenants/{t}/locations", tenant)
                .contentType(MediaType.APPLICATION_JSON).body(Signups.location(name)))
                .expectStatus().isCreated().returnResult(String.class).getResponseBody();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    private List<String> names(String token) {
        String body = call(token, http.get().uri("/api/v1/tenants/{t}/locations", tenant))
                .expectStatus().isOk().returnResult(String.class).getResponseBody();
        return JsonPath.read(body, "$.items[*].details.name");
    }

    private String slugOf() {
        String body = call(owner, http.get().uri(locationUri(firstLocation))).returnResult(String.class).getResponseBody();
        String name = JsonPath.read(body, "$.details.name");
        return name.substring("Bistro ".length(), name.length() - " Opéra".length());
    }

    /** A table guest of that location, as auth-service mints them after a scan. */
    private String diner(UUID location) {
        return TestTokens.user(tenant, Role.DINER).subject(UUID.randomUUID().toString())
                .session(UUID.randomUUID().toString()).locations(location)
                .claim("tbl", UUID.randomUUID().toString()).sign();
    }

    private String locationUri(UUID location) {
        return "/api/v1/tenants/" + tenant + "/locations/" + location;
    }

    private static RestTestClient.ResponseSpec call(String token, RestTestClient.RequestHeadersSpec<?> request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
