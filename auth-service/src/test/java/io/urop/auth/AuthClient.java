package io.urop.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.events.Uuid7;
import io.urop.contracts.Role;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * auth-service as its callers use it, over HTTP: tenant-service creating accounts with its client
 * credentials, people signing in and refreshing.
 */
public final class AuthClient {

    /** The secrets surefire configures for the clients {@code tenant-service}, {@code qr-service} and {@code notification-service}. */
    public static final String CLIENT_ID = "tenant-service";
    public static final String CLIENT_SECRET = "test-client-secret-of-tenant-service";
    public static final String QR_CLIENT_ID = "qr-service";
    public static final String QR_CLIENT_SECRET = "test-client-secret-of-qr-service";
    public static final String NOTIFICATION_CLIENT_ID = "notification-service";
    public static final String NOTIFICATION_CLIENT_SECRET = "test-client-secret-of-notification-service";
    public static final String PASSWORD = "correct horse battery staple";

    private final RestTestClient http;

    public AuthClient(RestTestClient http) {
        this.http = http;
    }

    /** tenant-service's token. */
    public String serviceToken() {
        return serviceToken(CLIENT_ID, CLIENT_SECRET);
    }

    public String serviceToken(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        String body = http.post().uri("/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials")
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody();
        return JsonPath.read(body, "$.access_token");
    }

    /** A new account with {@link #PASSWORD} in a tenant; returns its id. */
    public UUID createAccount(UUID tenantId, String email, Role... roles) {
        return createAccount(tenantId, email, Set.of(), roles);
    }

    public UUID createAccount(UUID tenantId, String email, Set<UUID> locations, Role... roles) {
        UUID id = Uuid7.next();
        http.post().uri("/internal/v1/accounts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + serviceToken())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("id", id, "tenantId", tenantId, "email", email, "password", PASSWORD,
                        "roles", Set.of(roles), "locationIds", locations))
                .exchange().expectStatus().isCreated();
        return id;
    }

    public RestTestClient.ResponseSpec login(String email, String password) {
        return http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password)).exchange();
    }

    public Tokens signIn(String email) {
        return Tokens.of(login(email, PASSWORD).expectStatus().isOk().returnResult(String.class).getResponseBody());
    }

    public RestTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("refreshToken", refreshToken)).exchange();
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID() + "@example.com";
    }

    public record Tokens(String accessToken, String refreshToken, UUID sessionId) {

        public static Tokens of(String json) {
            return new Tokens(JsonPath.read(json, "$.accessToken"), JsonPath.read(json, "$.refreshToken"),
                    UUID.fromString(JsonPath.read(json, "$.sessionId")));
        }
    }
}
