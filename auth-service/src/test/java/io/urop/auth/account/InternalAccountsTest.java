package io.urop.auth.account;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.urop.auth.AuthClient.Tokens;
import io.urop.auth.AuthClient;
import io.urop.contracts.DenyList;
import io.urop.contracts.Role;
import io.urop.events.Uuid7;
import io.urop.security.AccessTokenVerifier;
import io.urop.security.VerifiedToken;
import io.urop.test.Databases;
import io.urop.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class InternalAccountsTest {

    @Autowired
    RestTestClient http;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    AccessTokenVerifier verifier;

    final JdbcTemplate superuser = Databases.asSuperuser("auth");

    AuthClient auth() {
        return new AuthClient(http);
    }

    RestTestClient.ResponseSpec create(String token, Map<String, Object> account) {
        return http.post().uri("/internal/v1/accounts").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(account).exchange();
    }

    static Map<String, Object> account(UUID id, UUID tenant, String email, String password, String... roles) {
        return Map.of("id", id, "tenantId", tenant, "email", email, "password", password, "roles", Set.of(roles));
    }

    @Test
    void aRetryCreatesNothingTwiceAndATakenEmailIsAConflict() {
        String token = auth().serviceToken();
        UUID id = Uuid7.next();
        UUID tenant = Uuid7.next();
        String email = AuthClient.uniqueEmail("owner");
        create(token, account(id, tenant, email, AuthClient.PASSWORD, "OWNER")).expectStatus().isCreated();
        create(token, account(id, tenant, email, AuthClient.PASSWORD, "OWNER")).expectStatus().isOk();

        create(token, account(Uuid7.next(), Uuid7.next(), email.toUpperCase(), AuthClient.PASSWORD, "OWNER"))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(superuser.queryForObject("select count(*) from accounts where email = ?", Integer.class, email))
                .isEqualTo(1);
        assertThat(superuser.queryForObject("select password_hash from accounts where id = ?", String.class, id))
                .startsWith("{bcrypt}$2").doesNotContain(AuthClient.PASSWORD);
    }

    @Test
    void aWeakPasswordOrANonStaffRoleIsRefusedAndNothingIsCreated() {
        String token = auth().serviceToken();
        String email = AuthClient.uniqueEmail("someone");
        create(token, account(Uuid7.next(), Uuid7.next(), email, "short", "STAFF"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        create(token, account(Uuid7.next(), Uuid7.next(), email, AuthClient.PASSWORD, "PLATFORM_ADMIN"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("roles");
        create(token, account(Uuid7.next(), Uuid7.next(), email, AuthClient.PASSWORD, "CHEF"))
                .expectStatus().isBadRequest();
        assertThat(superuser.queryForObject("select count(*) from accounts where email = ?", Integer.class, email))
                .isZero();
    }

    @Test
    void onlyTenantServiceMayCreateAccounts() {
        create(qrServiceToken(), account(Uuid7.next(), Uuid7.next(), AuthClient.uniqueEmail("x"), AuthClient.PASSWORD,
                "OWNER")).expectStatus().isForbidden();
    }

    private String qrServiceToken() {
        return auth().serviceToken(AuthClient.QR_CLIENT_ID, AuthClient.QR_CLIENT_SECRET);
    }

    @Test
    void onlyAServiceMayCreateAccounts() {
        String email = AuthClient.uniqueEmail("owner");
        auth().createAccount(Uuid7.next(), email, Role.OWNER);
        Tokens owner = auth().signIn(email);

        create(owner.accessToken(), account(Uuid7.next(), Uuid7.next(), AuthClient.uniqueEmail("x"),
                AuthClient.PASSWORD, "OWNER")).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/internal/v1/accounts").contentType(MediaType.APPLICATION_JSON).body(Map.of())
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void deactivatingAMemberRevokesTheirSessionsAndTheyCannotSignInAgain() {
        UUID tenant = Uuid7.next();
        String email = AuthClient.uniqueEmail("manager");
        UUID manager = auth().createAccount(tenant, email, Role.MANAGER);
        Tokens session = auth().signIn(email);

        http.post().uri("/internal/v1/accounts/{id}/deactivation?tenantId={tenant}", manager, tenant)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + auth().serviceToken())
                .exchange().expectStatus().isNoContent();

        assertThat(redis.hasKey(DenyList.key(session.sessionId()))).isTrue();
        auth().refresh(session.refreshToken()).expectStatus().isUnauthorized();
        auth().login(email, AuthClient.PASSWORD).expectStatus().isUnauthorized();
    }

    @Test
    void aChangeOfAccessEndsTheSessionsAndTheNextSignInCarriesTheNewRole() {
        UUID tenant = Uuid7.next();
        UUID location = Uuid7.next();
        String email = AuthClient.uniqueEmail("waiter");
        UUID waiter = auth().createAccount(tenant, email, Role.STAFF);
        Tokens before = auth().signIn(email);

        http.put().uri("/internal/v1/accounts/{id}/access", waiter)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + auth().serviceToken())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("tenantId", tenant, "roles", Set.of("MANAGER"), "locationIds", Set.of(location)))
                .exchange().expectStatus().isNoContent();

        assertThat(redis.hasKey(DenyList.key(before.sessionId()))).isTrue();
        auth().refresh(before.refreshToken()).expectStatus().isUnauthorized();
        VerifiedToken after = verifier.verify(auth().signIn(email).accessToken());
        assertThat(after.roles()).containsExactly(Role.MANAGER);
        assertThat(after.claims().get("loc")).isEqualTo(java.util.List.of(location.toString()));

        // another tenant cannot change it
        http.put().uri("/internal/v1/accounts/{id}/access", waiter)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + auth().serviceToken())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("tenantId", Uuid7.next(), "roles", Set.of("OWNER")))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void anotherTenantsAccountCannotBeDeactivated() {
        String email = AuthClient.uniqueEmail("manager");
        UUID manager = auth().createAccount(Uuid7.next(), email, Role.MANAGER);

        http.post().uri("/internal/v1/accounts/{id}/deactivation?tenantId={tenant}", manager, Uuid7.next())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + auth().serviceToken())
                .exchange().expectStatus().isNotFound();
        auth().login(email, AuthClient.PASSWORD).expectStatus().isOk();
    }

    @Test
    void aDinerTokenIsScopedToOneTableSession() {
        UUID tenant = Uuid7.next();
        UUID location = Uuid7.next();
        UUID table = Uuid7.next();
        UUID tableSession = Uuid7.next();
        UUID guest = Uuid7.next();
        Map<String, UUID> request = Map.of("tenantId", tenant, "locationId", location, "tableId", table,
                "tableSessionId", tableSession, "guestId", guest);
        String body = http.post().uri("/internal/v1/diner-tokens")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + qrServiceToken())
                .contentType(MediaType.APPLICATION_JSON).body(request)
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody();
        // only qr-service mints them
        http.post().uri("/internal/v1/diner-tokens").header(HttpHeaders.AUTHORIZATION, "Bearer " + auth().serviceToken())
                .contentType(MediaType.APPLICATION_JSON).body(request)
                .exchange().expectStatus().isForbidden();

        VerifiedToken token = verifier.verify(com.jayway.jsonpath.JsonPath.read(body, "$.accessToken"));
        assertThat(token.roles()).containsExactly(Role.DINER);
        assertThat(token.tenantId()).isEqualTo(tenant);
        assertThat(token.subject()).isEqualTo(guest.toString());
        assertThat(token.sessionId()).isEqualTo(tableSession.toString());
        assertThat(token.claims()).containsEntry("tbl", table.toString())
                .containsEntry("loc", java.util.List.of(location.toString()));
    }
}
