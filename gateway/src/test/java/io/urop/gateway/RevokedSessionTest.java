package io.urop.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** auth-service's deny-list in Redis: a revoked session's tokens are refused within a second. */
class RevokedSessionTest extends GatewayIntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void aTokenOfARevokedSessionIsRefusedWithinASecond() {
        String session = UUID.randomUUID().toString();
        String token = TestFleet.AUTH.token(claims -> claims.claim("sid", session));
        String otherSession = TestFleet.AUTH.token();
        assertThat(status(token)).isEqualTo(HttpStatus.OK);

        revokeAsAuthServiceDoes(session);

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> status(token) == HttpStatus.UNAUTHORIZED);
        String problem = client.get().uri("/api/v1/menus/1").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://urop.io/problems/unauthorized");
        assertThat(JsonPath.<String>read(problem, "$.detail")).contains("session", "revoked");
        // another session of the same platform is not affected
        assertThat(status(otherSession)).isEqualTo(HttpStatus.OK);
    }

    private HttpStatus status(String token) {
        return HttpStatus.valueOf(client.get().uri("/api/v1/menus/1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .returnResult(String.class).getStatus().value());
    }

    /**
     * The stream entry auth-service writes (with a key that a gateway whose copy is stale reads instead; left out
     * here, so that only following the stream can refuse the token).
     */
    private void revokeAsAuthServiceDoes(String session) {
        long until = System.currentTimeMillis() + Duration.ofMinutes(16).toMillis();
        redis.opsForStream().add("urop:auth:revoked-sessions", Map.of("sid", session, "until", Long.toString(until)))
                .block(Duration.ofSeconds(5));
    }
}
