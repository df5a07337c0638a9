package io.urop.auth.password;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.urop.auth.AuthClient;
import io.urop.auth.AuthClient.Tokens;
import io.urop.auth.OpaqueTokens;
import io.urop.events.EventCodec;
import io.urop.events.auth.PasswordResetRequested;
import io.urop.events.Uuid7;
import io.urop.contracts.Role;
import io.urop.test.Databases;
import io.urop.test.ServiceIntegrationTest;
import io.urop.test.TopicReader;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class PasswordsTest {

    private static final String NEW_PASSWORD = "an entirely new password";

    @Autowired
    RestTestClient http;

    @Autowired
    EventCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    final JdbcTemplate superuser = Databases.asSuperuser("auth");

    AuthClient auth() {
        return new AuthClient(http);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsEveryOtherSession() {
        String email = AuthClient.uniqueEmail("owner");
        auth().createAccount(Uuid7.next(), email, Role.OWNER);
        Tokens laptop = auth().signIn(email);
        Tokens phone = auth().signIn(email);

        change(phone, "not my password", NEW_PASSWORD).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("currentPassword");
        change(phone, AuthClient.PASSWORD, "short").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("newPassword");
        auth().login(email, AuthClient.PASSWORD).expectStatus().isOk();

        change(phone, AuthClient.PASSWORD, NEW_PASSWORD).expectStatus().isNoContent();

        auth().login(email, AuthClient.PASSWORD).expectStatus().isUnauthorized();
        auth().login(email, NEW_PASSWORD).expectStatus().isOk();
        auth().refresh(laptop.refreshToken()).expectStatus().isUnauthorized();
        auth().refresh(phone.refreshToken()).expectStatus().isOk();
    }

    @Test
    void aResetIsAnnouncedOnlyForAnAccountAndItsLinkWorksOnce() {
        String email = AuthClient.uniqueEmail("forgetful");
        UUID account = auth().createAccount(Uuid7.next(), email, Role.MANAGER);
        Tokens session = auth().signIn(email);
        for (int attempt = 0; attempt < 5; attempt++) {
            auth().login(email, "a wrong guess " + attempt).expectStatus().isUnauthorized();
        }
        String nobody = AuthClient.uniqueEmail("nobody");

        requestReset(nobody).expectStatus().isAccepted();
        requestReset(email).expectStatus().isAccepted();

        var announced = TopicReader.await(kafka, "auth.events", r -> account.toString().equals(r.key()), 1,
                Duration.ofSeconds(20));
        assertThat(announced).hasSize(1);
        PasswordResetRequested event = codec.payload(codec.decode(announced.get(0).value()),
                PasswordResetRequested.class);
        assertThat(event.email()).isEqualTo(email.toLowerCase());
        assertThat(superuser.queryForObject("select count(*) from outbox where envelope like ?", Integer.class,
                "%" + nobody + "%")).as("nothing is announced for an unknown email").isZero();
        String link = resetLink(event).expectStatus().isOk().expectBody(ResetLink.class).returnResult()
                .getResponseBody().url();
        assertThat(link).startsWith("http://localhost:8080/admin/password-reset/");
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(announced.get(0).value()).as("the link is a secret: no event carries it").doesNotContain(token);

        reset(token, NEW_PASSWORD).expectStatus().isNoContent();

        // the lock-out lifted with the reset, every earlier session ended, and the link is spent
        auth().login(email, NEW_PASSWORD).expectStatus().isOk();
        auth().refresh(session.refreshToken()).expectStatus().isUnauthorized();
        reset(token, "yet another long password").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://urop.io/problems/invalid-reset-token");
        auth().login(email, NEW_PASSWORD).expectStatus().isOk();
        resetLink(event).expectStatus().isEqualTo(410)
                .expectBody().jsonPath("$.type").isEqualTo("https://urop.io/problems/reset-unusable");
    }

    @Test
    void onlyNotificationServiceGetsAResetLinkAndOnlyWithItsTenant() {
        String email = AuthClient.uniqueEmail("careful");
        UUID tenant = Uuid7.next();
        UUID account = auth().createAccount(tenant, email, Role.STAFF);
        requestReset(email).expectStatus().isAccepted();
        UUID resetId = superuser.queryForObject("select id from password_resets where account_id = ?", UUID.class,
                account);
        String path = "/internal/v1/tenants/{tenant}/password-resets/{reset}/link";

        http.get().uri(path, tenant, resetId).exchange().expectStatus().isUnauthorized();
        for (String client : new String[] { auth().serviceToken(),
                auth().serviceToken(AuthClient.QR_CLIENT_ID, AuthClient.QR_CLIENT_SECRET) }) {
            http.get().uri(path, tenant, resetId).header(HttpHeaders.AUTHORIZATION, "Bearer " + client).exchange()
                    .expectStatus().isForbidden();
        }
        String notification = notificationToken();
        http.get().uri(path, Uuid7.next(), resetId).header(HttpHeaders.AUTHORIZATION, "Bearer " + notification)
                .exchange().expectStatus().isNotFound();
        http.get().uri(path, tenant, Uuid7.next()).header(HttpHeaders.AUTHORIZATION, "Bearer " + notification)
                .exchange().expectStatus().isNotFound();
        http.get().uri(path, tenant, "not-an-id").header(HttpHeaders.AUTHORIZATION, "Bearer " + notification)
                .exchange().expectStatus().isBadRequest();
        http.get().uri(path, tenant, resetId).header(HttpHeaders.AUTHORIZATION, "Bearer " + notification)
                .exchange().expectStatus().isOk();
    }

    @Test
    void nobodyCanFloodAnInboxThroughTheResetForm() {
        String email = AuthClient.uniqueEmail("popular");
        UUID account = auth().createAccount(Uuid7.next(), email, Role.STAFF);

        for (int request = 0; request < 6; request++) {
            requestReset(email).expectStatus().isAccepted();
        }

        assertThat(superuser.queryForObject("select count(*) from password_resets where account_id = ?", Integer.class,
                account)).isEqualTo(3);
    }

    @Test
    void anExpiredOrUnknownResetTokenChangesNothing() {
        String email = AuthClient.uniqueEmail("late");
        UUID tenant = Uuid7.next();
        UUID account = auth().createAccount(tenant, email, Role.STAFF);
        String expired = OpaqueTokens.generate();
        superuser.update("""
                insert into password_resets (id, token_hash, tenant_id, account_id, requested_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""", Uuid7.next(), OpaqueTokens.hash(expired), tenant, account,
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))),
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(30))));

        reset(expired, NEW_PASSWORD).expectStatus().isBadRequest();
        reset("made-up", NEW_PASSWORD).expectStatus().isBadRequest();
        reset(expired, "short").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("newPassword");

        auth().login(email, AuthClient.PASSWORD).expectStatus().isOk();
    }

    private RestTestClient.ResponseSpec change(Tokens tokens, String current, String next) {
        return http.post().uri("/api/v1/auth/password").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("currentPassword", current, "newPassword", next)).exchange();
    }

    private String notificationToken() {
        return auth().serviceToken(AuthClient.NOTIFICATION_CLIENT_ID, AuthClient.NOTIFICATION_CLIENT_SECRET);
    }

    /** What notification-service does with the announcement: asks for the link to email. */
    private RestTestClient.ResponseSpec resetLink(PasswordResetRequested event) {
        return http.get().uri("/internal/v1/tenants/{tenant}/password-resets/{reset}/link", event.tenantId(),
                event.resetId()).header(HttpHeaders.AUTHORIZATION, "Bearer " + notificationToken()).exchange();
    }

    record ResetLink(String url, Instant expiresAt) {
    }

    private RestTestClient.ResponseSpec requestReset(String email) {
        return http.post().uri("/api/v1/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email)).exchange();
    }

    private RestTestClient.ResponseSpec reset(String token, String password) {
        return http.post().uri("/api/v1/auth/password-reset/confirmation").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("token", token, "newPassword", password)).exchange();
    }
}
