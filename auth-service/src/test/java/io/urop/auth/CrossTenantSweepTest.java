package io.urop.auth;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.urop.auth.AuthClient.Tokens;
import io.urop.events.Uuid7;
import io.urop.contracts.Role;
import io.urop.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of auth-service, from another tenant. None takes a tenant's object id from a person:
 * people's endpoints act on the caller's own account and session, or on a credential they present;
 * the endpoints that name accounts are for services only. The sweep lists them all; a new endpoint
 * fails it until it is placed here.
 */
@ServiceIntegrationTest
class CrossTenantSweepTest {

    /** Public: the tenant comes from the credential presented (password, refresh or reset token, client secret). */
    private static final Set<String> BY_CREDENTIAL = Set.of("POST /api/v1/auth/login", "POST /api/v1/auth/refresh",
            "POST /api/v1/auth/password-reset", "POST /api/v1/auth/password-reset/confirmation", "POST /oauth2/token",
            "GET /.well-known/jwks.json");

    /** A person's: the account, session and tenant are the token's own. */
    private static final Set<String> OWN = Set.of("POST /api/v1/auth/logout", "POST /api/v1/auth/logout-all",
            "POST /api/v1/auth/password", "GET /api/v1/auth/audit-events");

    /** A service's only: a person's token, of whatever tenant and role, gets 403. */
    private static final Map<String, Object> SERVICE_ONLY = Map.of(
            "POST /internal/v1/accounts", Map.of(),
            "POST /internal/v1/accounts/{accountId}/deactivation", Map.of(),
            "PUT /internal/v1/accounts/{accountId}/access", Map.of(),
            "POST /internal/v1/diner-tokens", Map.of(),
            "GET /internal/v1/tenants/{tenantId}/password-resets/{resetId}/link", Map.of());

    @Autowired
    RestTestClient http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theSweepCoversEveryEndpoint() {
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getMethodsCondition().getMethods()
                .forEach(method -> info.getPatternValues().stream().filter(path -> !path.startsWith("/v3/api-docs")
                        && !path.startsWith("/swagger-ui") && !path.equals("/error"))
                        .forEach(path -> endpoints.add(method + " " + path))));
        Set<String> covered = new TreeSet<>(BY_CREDENTIAL);
        covered.addAll(OWN);
        covered.addAll(SERVICE_ONLY.keySet());
        assertThat(endpoints).isEqualTo(covered);
    }

    @Test
    void anotherTenantsOwnerCannotReachThisTenantsAccountsOrSessions() {
        AuthClient auth = new AuthClient(http);
        String victimEmail = AuthClient.uniqueEmail("victim");
        UUID victim = auth.createAccount(Uuid7.next(), victimEmail, Role.OWNER);
        Tokens victimSession = auth.signIn(victimEmail);
        String intruderEmail = AuthClient.uniqueEmail("intruder");
        auth.createAccount(Uuid7.next(), intruderEmail, Role.OWNER);
        Tokens intruder = auth.signIn(intruderEmail);

        SERVICE_ONLY.forEach((endpoint, body) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{accountId}", victim.toString())
                    .replace("{tenantId}", Uuid7.next().toString()).replace("{resetId}", Uuid7.next().toString());
            http.method(HttpMethod.valueOf(method)).uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + intruder.accessToken())
                    .contentType(MediaType.APPLICATION_JSON).body(body)
                    .exchange().expectStatus().isForbidden();
        });
        String trail = http.get().uri("/api/v1/auth/audit-events?size=200")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + intruder.accessToken())
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody();
        assertThat(trail).doesNotContain(victim.toString()).doesNotContain(victimSession.sessionId().toString());
        for (String own : OWN) {
            String method = own.substring(0, own.indexOf(' '));
            http.method(HttpMethod.valueOf(method)).uri(own.substring(own.indexOf(' ') + 1))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + intruder.accessToken())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("currentPassword", "wrong", "newPassword", "a new long password"))
                    .exchange();
        }

        // the victim is untouched: signed in, same password
        auth.refresh(victimSession.refreshToken()).expectStatus().isOk();
        auth.login(victimEmail, AuthClient.PASSWORD).expectStatus().isOk();
    }
}
