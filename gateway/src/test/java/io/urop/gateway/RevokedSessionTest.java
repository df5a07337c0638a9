package io.urop.gateway;

import java.time.Duration;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** auth-service's deny-list in Redis, read on every authenticated request. */
class RevokedSessionTest extends GatewayIntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void aTokenOfARevokedSessionIsRefusedFromTheNextRequestOn() {
        String session = UUID.randomUUID().toString();
        String token = TestFleet.AUTH.token(claims -> claims.claim("sid", session));
        String otherSession = TestFleet.AUTH.token();
        client.get().uri("/api/v1/menus/1").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk();

        redis.opsForValue().set("urop:auth:revoked-session:" + session, "logout", Duration.ofMinutes(16))
                .block(Duration.ofSeconds(5));

        String problem = client.get().uri("/api/v1/menus/1").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://urop.io/problems/unauthorized");
        assertThat(JsonPath.<String>read(problem, "$.detail")).contains("session", "revoked");
        // another session of the same platform is not affected
        client.get().uri("/api/v1/menus/1").header(HttpHeaders.AUTHORIZATION, "Bearer " + otherSession).exchange()
                .expectStatus().isOk();
    }
}
