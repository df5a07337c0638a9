package io.urop.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as it ships (a context of its own): no proxy is trusted, not even this host, so the client is
 * the TCP peer whatever forwarding headers it sends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "spring.cloud.config.enabled=false",
})
@AutoConfigureWebTestClient(timeout = "30s")
@DirtiesContext
class UntrustedPeerTest {

    @DynamicPropertySource
    static void fleet(DynamicPropertyRegistry registry) {
        TestFleet.registerServices(registry);
        registry.add("spring.data.redis.url", TestFleet.REDIS::url);
        registry.add("urop.gateway.security.jwks-uri", () -> TestFleet.LOAD_BALANCED_JWKS_URI);
    }

    @Autowired
    WebTestClient client;

    @Test
    void aClientsForwardedForIsNeverBelievedSoRotatingItDoesNotStepAroundTheLimit() {
        // no other test asks for password resets as this host: its budget here is this test's alone
        List<HttpStatus> statuses = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            statuses.add(HttpStatus.valueOf(client.post().uri("/api/v1/auth/password-reset/requests")
                    .header("X-Forwarded-For", "203.0.113." + i).header("Forwarded", "for=203.0.113." + i)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectBody().returnResult().getStatus().value()));
        }
        assertThat(statuses).contains(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void theServiceSeesTheTcpPeerAndNoneOfTheClientsForwardingHeaders() {
        String echo = client.get().uri("/api/v1/public/locations/loc-3/menu")
                .header("X-Forwarded-For", "203.0.113.50")
                .header("Forwarded", "for=203.0.113.50")
                .header("X-Real-IP", "203.0.113.50")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Prefix", "/internal")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Map<String, List<String>> forwarding = JsonPath.read(echo, "$.forwarding");
        assertThat(forwarding.get("x-forwarded-for")).singleElement()
                .satisfies(address -> assertThat(address).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
        assertThat(forwarding).doesNotContainKeys("forwarded", "x-real-ip", "x-forwarded-prefix");
        assertThat(forwarding.get("x-forwarded-host")).singleElement()
                .satisfies(host -> assertThat(host).doesNotContain("evil"));
    }
}
