package io.urop.gateway;

import java.time.Duration;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.urop.gateway.ratelimit.RateLimitProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Budgets shared through Redis: per client IP on the paths anyone may call (login, sign-up, password reset, the QR
 * scan, the public menu); per table session and per token for diners; per tenant for everyone else.
 */
class RateLimitTest extends GatewayIntegrationTest {

    @Autowired
    RateLimitProperties budgets;

    @Test
    void the11thLoginFromOneAddressInAMinuteIs429WhileAnotherAddressStillPasses() {
        String address = "198.51.100.7";
        for (int i = 1; i <= 10; i++) {
            assertOk(login(address));
        }
        EntityExchangeResult<String> refused = login(address)
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult();
        long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 60L);
        String problem = refused.getResponseBody();
        assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://urop.io/problems/too-many-requests");
        assertThat(JsonPath.<Integer>read(problem, "$.status")).isEqualTo(429);
        assertThat(JsonPath.<String>read(problem, "$.instance")).isEqualTo("/api/v1/auth/login");

        assertOk(login("198.51.100.8"));
        // each path group has its own budget
        client.post().uri("/api/v1/signup").header("X-Forwarded-For", address).bodyValue("{}").exchange()
                .expectStatus().isOk().expectBody().returnResult();
        // a preflight is not a login attempt
        client.options().uri("/api/v1/auth/login").header("X-Forwarded-For", address)
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN).header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange().expectStatus().isOk().expectBody().returnResult();
    }

    @Test
    void passwordResetSharesOneBudgetAcrossItsPaths() {
        String address = "198.51.100.9";
        for (int i = 1; i <= 10; i++) {
            client.post().uri(i % 2 == 0 ? "/api/v1/auth/password-reset/requests" : "/api/v1/auth/password-reset/confirm")
                    .header("X-Forwarded-For", address).bodyValue("{}").exchange().expectStatus().isOk()
                    .expectBody().returnResult();
        }
        client.post().uri("/api/v1/auth/password-reset/requests").header("X-Forwarded-For", address).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER).expectBody().returnResult();
    }

    @Test
    void aTenantOverItsBudgetIs429WhileAnotherTenantStillPasses() {
        String tenant = UUID.randomUUID().toString();
        for (int i = 1; i <= TENANT_LIMIT; i++) {
            // each call a new token and user of the same tenant: the budget is the tenant's
            assertOk(tenantCall(tenant));
        }
        String problem = tenantCall(tenant)
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://urop.io/problems/too-many-requests");

        assertOk(tenantCall(UUID.randomUUID().toString()));
    }

    @Test
    void scansFromOneAddressHaveABudgetOfTheirOwnThatABusyRoomFitsInAndAScriptDoesNot() {
        int limit = perClientIpLimit("scan");
        // a busy dining room behind one Wi-Fi address: every guest scans, some twice
        assertThat(limit).isBetween(200, 1000);
        String address = "198.51.100.40";
        for (int i = 1; i <= limit; i++) {
            assertOk(scan(address));
        }
        assertTooManyRequests(scan(address), "/q/v1.scan.code");

        assertOk(scan("198.51.100.41"));
        // reading the menu is not scanning
        assertOk(menu(address));
    }

    @Test
    void anAddressesScansCountedByTheOtherGatewayInstancesSpendItsBudgetHereToo() {
        int limit = perClientIpLimit("scan");
        String address = "198.51.100.44";
        String key = "urop:gateway:rate-limit:ip:scan:" + address;
        try (TestRedis redis = TestRedis.shared()) {
            // what the other instances have reported of this address's scans
            redis.template().opsForValue().set(key, Integer.toString(limit - 2), Duration.ofMinutes(1)).block();
            assertOk(scan(address));
            // this instance adds its scan within a sync interval, and learns the total
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> redis.template().opsForValue().get(key).block(), Integer.toString(limit - 1)::equals);
        }

        assertOk(scan(address));
        assertTooManyRequests(scan(address), "/q/v1.scan.code");
    }

    @Test
    void publicMenuReadsFromOneAddressHaveABudgetOfTheirOwnThatABusyRoomFitsInAndAScriptDoesNot() {
        int limit = perClientIpLimit("public-menu");
        assertThat(limit).isBetween(300, 2000);
        String address = "198.51.100.42";
        for (int i = 1; i <= limit; i++) {
            assertOk(menu(address));
        }
        assertTooManyRequests(menu(address), "/api/v1/public/locations/loc-1/menu");

        assertOk(menu("198.51.100.43"));
        assertOk(scan(address));
    }

    @Test
    void aDinerTokenNeverSpendsTheBudgetItsTenantsStaffUse() {
        String tenant = UUID.randomUUID().toString();
        String tableSession = UUID.randomUUID().toString();
        // a photo of the table's QR code: one diner token after another, each within its own budget
        for (int phone = 0; phone < 2; phone++) {
            String diner = TestFleet.AUTH.dinerToken(tenant, tableSession);
            for (int i = 1; i <= TENANT_LIMIT; i++) {
                assertOk(call(diner));
            }
        }
        for (int i = 1; i <= TENANT_LIMIT; i++) {
            assertOk(tenantCall(tenant));
        }
        tenantCall(tenant).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectBody().returnResult();
    }

    @Test
    void oneDinerTokenIsCutOffAtItsOwnBudgetWhileItsTableSessionsOtherPhonesGoOn() {
        String tenant = UUID.randomUUID().toString();
        String tableSession = UUID.randomUUID().toString();
        String diner = TestFleet.AUTH.dinerToken(tenant, tableSession);
        for (int i = 1; i <= DINER_TOKEN_LIMIT; i++) {
            assertOk(call(diner));
        }
        assertTooManyRequests(call(diner), "/api/v1/orders");

        assertOk(call(TestFleet.AUTH.dinerToken(tenant, tableSession)));
    }

    @Test
    void aTableSessionIsCutOffAtItsBudgetWhicheverOfItsTokensAsksWhileAnotherTableGoesOn() {
        String tenant = UUID.randomUUID().toString();
        String tableSession = UUID.randomUUID().toString();
        for (int i = 1; i <= TABLE_SESSION_LIMIT; i++) {
            // a fresh token per call (each scan of the code mints one): only the session's budget can stop them
            assertOk(call(TestFleet.AUTH.dinerToken(tenant, tableSession)));
        }
        assertTooManyRequests(call(TestFleet.AUTH.dinerToken(tenant, tableSession)), "/api/v1/orders");

        assertOk(call(TestFleet.AUTH.dinerToken(tenant, UUID.randomUUID().toString())));
        assertOk(tenantCall(tenant));
    }

    private int perClientIpLimit(String group) {
        assertThat(budgets.perClientIp()).as("per client IP budgets").containsKey(group);
        return budgets.perClientIp().get(group).limit();
    }

    private static void assertTooManyRequests(WebTestClient.ResponseSpec response, String instance) {
        EntityExchangeResult<String> refused = response
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult();
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
        assertThat(JsonPath.<String>read(refused.getResponseBody(), "$.type"))
                .isEqualTo("https://urop.io/problems/too-many-requests");
        assertThat(JsonPath.<String>read(refused.getResponseBody(), "$.instance")).isEqualTo(instance);
    }

    /** Reads the whole answer: an unread one holds its pooled connection until it is garbage-collected. */
    private static void assertOk(WebTestClient.ResponseSpec response) {
        response.expectStatus().isOk().expectBody().returnResult();
    }

    private WebTestClient.ResponseSpec scan(String address) {
        return client.get().uri("/q/v1.scan.code").header("X-Forwarded-For", address).exchange();
    }

    private WebTestClient.ResponseSpec menu(String address) {
        return client.get().uri("/api/v1/public/locations/loc-1/menu").header("X-Forwarded-For", address).exchange();
    }

    private WebTestClient.ResponseSpec call(String token) {
        return client.get().uri("/api/v1/orders").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private WebTestClient.ResponseSpec login(String address) {
        return client.post().uri("/api/v1/auth/login").header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\":\"a@b.c\"}").exchange();
    }

    private WebTestClient.ResponseSpec tenantCall(String tenant) {
        String token = TestFleet.AUTH.token(claims -> claims.claim("tid", tenant));
        return client.get().uri("/api/v1/orders").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
