package io.urop.gateway;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway with its Redis unreachable (a port nobody listens on; a context of its own): the
 * revoked-session check fails closed; budgets counted per request in Redis fail open, those counted in memory are
 * held by this instance alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "spring.cloud.config.enabled=false",
        "urop.gateway.rate-limits.per-client-ip.scan.limit=" + RedisDownTest.SCAN_LIMIT,
})
@AutoConfigureWebTestClient
@DirtiesContext
class RedisDownTest {

    static final int SCAN_LIMIT = 5;

    @DynamicPropertySource
    static void fleetWithoutRedis(DynamicPropertyRegistry registry) {
        TestFleet.registerServices(registry);
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + EchoBackend.deadPort());
        // the JWKS straight over HTTP this time (an auth-service outside the registry)
        registry.add("urop.gateway.security.jwks-uri", TestFleet.AUTH::jwksUri);
    }

    @Autowired
    WebTestClient client;

    @Test
    void aValidTokenIsAnswered503WithRetryAfterWhileRevocationsCannotBeRead() {
        String problem = client.get().uri("/api/v1/orders/1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestFleet.AUTH.token()).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://urop.io/problems/service-unavailable");
        assertThat(JsonPath.<String>read(problem, "$.detail")).contains("cannot be verified");
        assertThat(problem).doesNotContain("Exception", "Redis", "127.0.0.1");
    }

    @Test
    void scansAreStillHeldToTheirBudgetByThisInstanceAlone() {
        for (int i = 0; i < SCAN_LIMIT; i++) {
            client.get().uri("/q/v1.scan.code").exchange().expectStatus().isOk().expectBody().returnResult();
        }
        client.get().uri("/q/v1.scan.code").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().returnResult();
    }

    @Test
    void loginsGoThroughUnlimited() {
        for (int i = 0; i < 12; i++) {
            client.post().uri("/api/v1/auth/login").header("X-Forwarded-For", "203.0.113.9").bodyValue("{}").exchange()
                    .expectStatus().isOk();
        }
    }
}
