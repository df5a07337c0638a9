package io.urop.auth.session;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.urop.auth.AuthClient.Tokens;
import io.urop.auth.AuthClient;
import io.urop.auth.RedisKeys;
import io.urop.contracts.DenyList;
import io.urop.contracts.Role;
import io.urop.events.Uuid7;
import io.urop.test.Databases;
import io.urop.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class SessionsTest {

    @Autowired
    RestTestClient http;

    @Autowired
    StringRedisTemplate redis;

    final JdbcTemplate superuser = Databases.asSuperuser("auth");

    AuthClient auth() {
        return new AuthClient(http);
    }

    Tokens newSession() {
        String email = AuthClient.uniqueEmail("owner");
        auth().createAccount(Uuid7.next(), email, Role.OWNER);
        return auth().signIn(email);
    }

    @Test
    void aRefreshRotatesTheTokenAndKeepsTheSession() {
        Tokens first = newSession();
        Tokens second = Tokens.of(auth().refresh(first.refreshToken()).expectStatus().isOk()
                .returnResult(String.class).getResponseBody());
        Tokens third = Tokens.of(auth().refresh(second.refreshToken()).expectStatus().isOk()
                .returnResult(String.class).getResponseBody());

        assertThat(List.of(first.refreshToken(), second.refreshToken(), third.refreshToken())).doesNotHaveDuplicates();
        assertThat(List.of(second.sessionId(), third.sessionId())).containsOnly(first.sessionId());
        assertThat(superuser.queryForObject("select count(*) from refresh_tokens where token_hash = ?", Integer.class,
                third.refreshToken())).as("only hashes are stored").isZero();
    }

    @Test
    void twoTabsRefreshingWithTheSameTokenAtOnceBothStaySignedIn() throws Exception {
        Tokens tokens = newSession();
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<String> tab = () -> {
            together.await();
            return auth().refresh(tokens.refreshToken()).expectStatus().isOk().returnResult(String.class)
                    .getResponseBody();
        };
        ExecutorService tabs = Executors.newFixedThreadPool(2);
        try {
            List<Tokens> results = tabs.invokeAll(List.of(tab, tab)).stream().map(future -> {
                try {
                    return Tokens.of(future.get());
                }
                catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();
            // each tab goes on refreshing with what it got
            for (Tokens result : results) {
                auth().refresh(result.refreshToken()).expectStatus().isOk();
            }
        }
        finally {
            tabs.shutdownNow();
        }
        assertThat(revokedReason(tokens.sessionId())).isNull();
    }

    @Test
    void aRotatedTokenGetsOneMoreExchangeWithinTheGraceNotTwo() {
        Tokens tokens = newSession();
        auth().refresh(tokens.refreshToken()).expectStatus().isOk();
        auth().refresh(tokens.refreshToken()).expectStatus().isOk();

        auth().refresh(tokens.refreshToken()).expectStatus().isUnauthorized();
        assertThat(revokedReason(tokens.sessionId())).isEqualTo("refresh-token-reuse");
    }

    @Test
    void replayingARotatedTokenLaterRevokesTheWholeFamily() throws Exception {
        Tokens stolen = newSession();
        Tokens legitimate = Tokens.of(auth().refresh(stolen.refreshToken()).expectStatus().isOk()
                .returnResult(String.class).getResponseBody());

        Thread.sleep(2_500); // longer than the reuse grace configured for tests
        auth().refresh(stolen.refreshToken()).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        // the thief's replay also ends the legitimate holder's session: they must sign in again
        auth().refresh(legitimate.refreshToken()).expectStatus().isUnauthorized();
        assertThat(revokedReason(stolen.sessionId())).isEqualTo("refresh-token-reuse");
        assertThat(redis.opsForValue().get(DenyList.key(stolen.sessionId())))
                .isEqualTo("refresh-token-reuse");
        assertThat(redis.getExpire(DenyList.key(stolen.sessionId()))).isBetween(900L, 930L);
    }

    @Test
    void anUnknownRefreshTokenIsRefusedAlike() {
        auth().refresh("made-up-token").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.title").isEqualTo("Invalid refresh token");
    }

    @Test
    void logoutEndsTheSessionAndPutsItOnTheDenyList() {
        Tokens tokens = newSession();
        http.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken())
                .exchange().expectStatus().isNoContent();

        auth().refresh(tokens.refreshToken()).expectStatus().isUnauthorized();
        assertThat(redis.hasKey(DenyList.key(tokens.sessionId()))).isTrue();
        assertThat(revokedReason(tokens.sessionId())).isEqualTo("logout");
        // and announced on the stream the gateway follows, listed as long as its access tokens may live
        MapRecord<String, Object, Object> announced = redis.opsForStream()
                .reverseRange(RedisKeys.REVOCATION_STREAM, Range.unbounded(), Limit.limit().count(1)).get(0);
        assertThat(announced.getValue()).containsEntry("sid", tokens.sessionId().toString());
        long listedUntil = Long.parseLong((String) announced.getValue().get("until"));
        assertThat(listedUntil - System.currentTimeMillis()).isBetween(925_000L, 931_000L);
    }

    @Test
    void logoutEverywhereEndsEverySessionOfThatPersonOnly() {
        String email = AuthClient.uniqueEmail("owner");
        UUID tenant = Uuid7.next();
        auth().createAccount(tenant, email, Role.OWNER);
        Tokens phone = auth().signIn(email);
        Tokens laptop = auth().signIn(email);
        String colleagueEmail = AuthClient.uniqueEmail("colleague");
        auth().createAccount(tenant, colleagueEmail, Role.MANAGER);
        Tokens colleague = auth().signIn(colleagueEmail);

        http.post().uri("/api/v1/auth/logout-all").header(HttpHeaders.AUTHORIZATION, "Bearer " + phone.accessToken())
                .exchange().expectStatus().isNoContent();

        auth().refresh(phone.refreshToken()).expectStatus().isUnauthorized();
        auth().refresh(laptop.refreshToken()).expectStatus().isUnauthorized();
        auth().refresh(colleague.refreshToken()).expectStatus().isOk();
        assertThat(redis.hasKey(DenyList.key(colleague.sessionId()))).isFalse();
    }

    @Test
    void logoutNeedsAnAccessToken() {
        http.post().uri("/api/v1/auth/logout").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String revokedReason(UUID sessionId) {
        return superuser.queryForObject("select revoked_reason from sessions where id = ?", String.class, sessionId);
    }

    @Test
    void theRevocationStreamExistsFromTheStartSoGatewaysFollowIt() {
        assertThat(redis.opsForStream().range(RedisKeys.REVOCATION_STREAM, Range.unbounded()))
                .anySatisfy(entry -> assertThat(entry.getValue()).containsKey("started"));
    }
}
