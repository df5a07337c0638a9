package io.urop.gateway;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's address, as the per-IP limits and the services see it, behind trusted proxies (here the test client
 * itself, the ingress, and 10.0.0.0/8): the right-most {@code X-Forwarded-For} entry that no trusted proxy wrote.
 */
class ClientAddressTest extends GatewayIntegrationTest {

    private static final int LOGIN_LIMIT = 10;

    @Test
    void aForgedLeftMostForwardedForEntryDoesNotStepAroundTheLoginLimit() {
        // the ingress appends the address it saw (198.51.100.60) to whatever the client claimed
        for (int i = 1; i <= LOGIN_LIMIT; i++) {
            assertOk(login("203.0.113." + i + ", 198.51.100.60"));
        }
        assertTooManyRequests(login("203.0.113.99, 198.51.100.60"));
        assertTooManyRequests(login("198.51.100.60"));
    }

    @Test
    void trustedProxiesAreSkippedFromTheRightAndTheServiceSeesOnlyTheClient() {
        Map<String, List<String>> forwarding = forwardingSeenByTheService(
                "X-Forwarded-For", "203.0.113.7, 198.51.100.61, 10.1.2.3, 10.4.5.6");
        assertThat(forwarding).containsEntry("x-forwarded-for", List.of("198.51.100.61"));
    }

    @Test
    void forwardingHeadersAClientSentNeverReachAService() {
        Map<String, List<String>> forwarding = forwardingSeenByTheService(
                "X-Forwarded-For", "203.0.113.8, 198.51.100.62",
                "Forwarded", "for=203.0.113.8;proto=https",
                "X-Real-IP", "203.0.113.8",
                "X-Forwarded-Prefix", "/internal",
                "X-Forwarded-Host", "evil.example",
                "X-Forwarded-Port", "8443",
                "X-Forwarded-Proto", "https");
        assertThat(forwarding).containsEntry("x-forwarded-for", List.of("198.51.100.62"))
                .doesNotContainKeys("forwarded", "x-real-ip", "x-forwarded-prefix");
        // what the ingress (a trusted peer) said of the original request stays: the links services build
        assertThat(forwarding).containsEntry("x-forwarded-host", List.of("evil.example"))
                .containsEntry("x-forwarded-proto", List.of("https"))
                .containsEntry("x-forwarded-port", List.of("8443"));
        assertThat(forwarding.values()).allSatisfy(values -> assertThat(values).hasSize(1));
    }

    @Test
    void aForwardedHeaderCannotNameTheClientEither() {
        for (int i = 1; i <= LOGIN_LIMIT; i++) {
            assertOk(client.post().uri("/api/v1/auth/login").header("Forwarded", "for=203.0.113." + i)
                    .header("X-Forwarded-For", "198.51.100.63").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange());
        }
        assertTooManyRequests(login("198.51.100.63"));
    }

    @Test
    void anUnreadableEntryEndsTheWalkAtTheLastTrustedHop() {
        Map<String, List<String>> forwarding = forwardingSeenByTheService(
                "X-Forwarded-For", "198.51.100.64, not-an-address, 10.9.9.9");
        assertThat(forwarding).containsEntry("x-forwarded-for", List.of("10.9.9.9"));
    }

    @Test
    void ipv6ClientsShareOneBudgetPerSlash64() {
        for (int i = 1; i <= LOGIN_LIMIT; i++) {
            assertOk(login("2001:db8:7:1::" + Integer.toHexString(i)));
        }
        assertTooManyRequests(login("2001:db8:7:1:ffff:ffff:ffff:fffe"));
        assertTooManyRequests(login("[2001:db8:7:1::abcd]:4431"));
        // the next /64 is someone else
        assertOk(login("2001:db8:7:2::1"));
    }

    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4Client() {
        for (int i = 1; i <= LOGIN_LIMIT; i++) {
            assertOk(login(i % 2 == 0 ? "198.51.100.65" : "::ffff:198.51.100.65"));
        }
        assertTooManyRequests(login("::ffff:c633:6441"));
    }

    private Map<String, List<String>> forwardingSeenByTheService(String... headers) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri("/api/v1/public/locations/loc-2/menu");
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        String echo = request.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return JsonPath.read(echo, "$.forwarding");
    }

    /** Reads the whole answer: an unread one holds its pooled connection until it is garbage-collected. */
    private static void assertOk(WebTestClient.ResponseSpec response) {
        response.expectStatus().isOk().expectBody().returnResult();
    }

    private static void assertTooManyRequests(WebTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectBody().returnResult();
    }

    private WebTestClient.ResponseSpec login(String forwardedFor) {
        return client.post().uri("/api/v1/auth/login").header("X-Forwarded-For", forwardedFor)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }
}
