package io.urop.auth.login;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.auth.AuthClient;
import io.urop.auth.AuthClient.Tokens;
import io.urop.events.Uuid7;
import io.urop.security.AccessTokenVerifier;
import io.urop.contracts.Role;
import io.urop.security.VerifiedToken;
import io.urop.test.Databases;
import io.urop.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@ServiceIntegrationTest
class LoginTest {

    @Autowired
    RestTestClient http;

    @Autowired
    AccessTokenVerifier verifier;

    final JdbcTemplate superuser = Databases.asSuperuser("auth");

    AuthClient auth() {
        return new AuthClient(http);
    }

    @Test
    void anOwnerSignsInAndGetsAnAccessTokenWithTheDesignsClaims() {
        UUID tenant = Uuid7.next();
        UUID location = Uuid7.next();
        String email = AuthClient.uniqueEmail("Owner");
        UUID account = auth().createAccount(tenant, email, Set.of(location), Role.OWNER);

        // the email is matched whatever its case
        String body = auth().login(email.toUpperCase(), AuthClient.PASSWORD)
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .returnResult(String.class).getResponseBody();
        Tokens tokens = Tokens.of(body);
        assertThat(body).contains("\"tokenType\":\"Bearer\"").contains("\"expiresIn\":900");

        VerifiedToken token = verifier.verify(tokens.accessToken());
        assertThat(token.subject()).isEqualTo(account.toString());
        assertThat(token.tenantId()).isEqualTo(tenant);
        assertThat(token.roles()).containsExactly(Role.OWNER);
        assertThat(token.sessionId()).isEqualTo(tokens.sessionId().toString());
        assertThat(token.claims().get("loc")).isEqualTo(List.of(location.toString()));
        assertThat(token.claims().get("iss")).isEqualTo("urop-auth");
        assertThat(token.expiresAt()).isCloseTo(Instant.now().plus(Duration.ofMinutes(15)), within(Duration.ofSeconds(30)));
        assertThat(superuser.queryForObject("select count(*) from audit_events where subject = ? and action = 'login.succeeded'",
                Integer.class, tokens.sessionId().toString())).isEqualTo(1);
    }

    @Test
    void anOwnerReadsTheTenantsSignInsWhoWhenAndFromWhere() {
        UUID tenant = Uuid7.next();
        String ownerEmail = AuthClient.uniqueEmail("owner");
        auth().createAccount(tenant, ownerEmail, Role.OWNER);
        String waiterEmail = AuthClient.uniqueEmail("waiter");
        UUID waiter = auth().createAccount(tenant, waiterEmail, Role.STAFF);
        auth().login(waiterEmail, "not the password").expectStatus().isUnauthorized();
        String waiterToken = auth().signIn(waiterEmail).accessToken();
        String owner = auth().signIn(ownerEmail).accessToken();

        String trail = http.get().uri("/api/v1/auth/audit-events").header("Authorization", "Bearer " + owner)
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody();
        assertThat((List<String>) JsonPath.read(trail, "$.items[?(@.actor == '" + waiter + "')].action"))
                .containsExactly("login.succeeded");
        assertThat((List<String>) JsonPath.read(trail, "$.items[?(@.subject == '" + waiter + "')].action"))
                .contains("login.failed", "account.created");
        assertThat((List<String>) JsonPath.read(trail, "$.items[*].clientIp")).contains("127.0.0.1");
        http.get().uri("/api/v1/auth/audit-events").header("Authorization", "Bearer " + waiterToken)
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheVerySameAnswer() {
        String email = AuthClient.uniqueEmail("staff");
        auth().createAccount(Uuid7.next(), email, Role.STAFF);

        String wrongPassword = problem(auth().login(email, "not the password at all"));
        String unknownEmail = problem(auth().login(AuthClient.uniqueEmail("nobody"), AuthClient.PASSWORD));

        assertThat(wrongPassword).isEqualTo(unknownEmail).contains("https://urop.io/problems/unauthorized");
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedAndUnknownEmailsLockAlike() {
        String email = AuthClient.uniqueEmail("manager");
        UUID account = auth().createAccount(Uuid7.next(), email, Role.MANAGER);
        String nobody = AuthClient.uniqueEmail("nobody");

        for (int attempt = 1; attempt <= 5; attempt++) {
            auth().login(email, "guess number " + attempt).expectStatus().isUnauthorized();
            auth().login(nobody, "guess number " + attempt).expectStatus().isUnauthorized();
        }
        String locked = problem(auth().login(email, AuthClient.PASSWORD));
        String lockedNobody = problem(auth().login(nobody, AuthClient.PASSWORD));

        assertThat(locked).isEqualTo(lockedNobody);
        assertThat(superuser.queryForList("select action from audit_events where subject = ? order by occurred_at",
                String.class, account.toString()))
                .as("the attempt refused by the lock is not audited: it cost nothing, and floods nothing")
                .containsExactly("account.created", "login.failed", "login.failed", "login.failed", "login.failed",
                        "login.locked-out");
        // a different account is not affected
        String other = AuthClient.uniqueEmail("colleague");
        auth().createAccount(Uuid7.next(), other, Role.MANAGER);
        auth().login(other, AuthClient.PASSWORD).expectStatus().isOk();
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() {
        String email = AuthClient.uniqueEmail("forgetful");
        auth().createAccount(Uuid7.next(), email, Role.STAFF);
        for (int round = 0; round < 2; round++) {
            for (int attempt = 0; attempt < 4; attempt++) {
                auth().login(email, "wrong password " + attempt).expectStatus().isUnauthorized();
            }
            auth().login(email, AuthClient.PASSWORD).expectStatus().isOk();
        }
    }

    @Test
    void badInputIsAValidationProblem() {
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\": \"not an email\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("email", "password"));
    }

    private static String problem(RestTestClient.ResponseSpec response) {
        return response.expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .returnResult(String.class).getResponseBody()
                .replaceAll("\"instance\":\"[^\"]*\"", "");
    }
}
