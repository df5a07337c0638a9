package io.urop.gateway;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis-backed budgets: per client IP on login, sign-up and password reset; per tenant elsewhere. */
class RateLimitTest extends GatewayIntegrationTest {

    @Test
    void the11thLoginFromOneAddressInAMinuteIs429WhileAnotherAddressStillPasses() {
        String address = "198.51.100.7";
        for (int i = 1; i <= 10; i++) {
            login(address).expectStatus().isOk();
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

        login("198.51.100.8").expectStatus().isOk();
        // each path group has its own budget
        client.post().uri("/api/v1/signup").header("X-Forwarded-For", address).bodyValue("{}").exchange()
                .expectStatus().isOk();
        // a preflight is not a login attempt
        client.options().uri("/api/v1/auth/login").header("X-Forwarded-For", address)
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN).header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange().expectStatus().isOk();
    }

    @Test
    void passwordResetSharesOneBudgetAcrossItsPaths() {
        String address = "198.51.100.9";
        for (int i = 1; i <= 10; i++) {
            client.post().uri(i % 2 == 0 ? "/api/v1/auth/password-reset/requests" : "/api/v1/auth/password-reset/confirm")
                    .header("X-Forwarded-For", address).bodyValue("{}").exchange().expectStatus().isOk();
        }
        client.post().uri("/api/v1/auth/password-reset/requests").header("X-Forwarded-For", address).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
    }

    @Test
    void aTenantOverItsBudgetIs429WhileAnotherTenantStillPasses() {
        String tenant = UUID.randomUUID().toString();
        for (int i = 1; i <= TENANT_LIMIT; i++) {
            // each call a new token and user of the same tenant: the budget is the tenant's
            tenantCall(tenant).expectStatus().isOk();
        }
        String problem = tenantCall(tenant)
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://urop.io/problems/too-many-requests");

        tenantCall(UUID.randomUUID().toString()).expectStatus().isOk();
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
