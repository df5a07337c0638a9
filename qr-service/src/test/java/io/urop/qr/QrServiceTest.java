package io.urop.qr;

import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.urop.contracts.Role;
import io.urop.test.Databases;
import io.urop.test.ServiceIntegrationTest;
import io.urop.test.tokens.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * qr-service against real PostgreSQL, Kafka, Redis and S3, called as its clients do; auth-service's diner tokens come
 * from {@link AuthServiceForTests}. Its clock is a {@link MovableClock}, back to the real time after each test, and it
 * looks for sessions past their maximum life every second.
 */
@ServiceIntegrationTest
@Import(QrServiceTest.Clocks.class)
public abstract class QrServiceTest {

    @DynamicPropertySource
    static void authService(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.auth-service[0].uri",
                () -> AuthServiceForTests.instance().uri());
        registry.add("urop.clients.client-secret", () -> AuthServiceForTests.CLIENT_SECRET);
        registry.add("urop.qr.scan.overdue-sessions-check", () -> "1s");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected MovableClock clock;

    /** A tenant of each test's own, with one open location and its owner. */
    protected UUID tenant;
    protected UUID location;
    protected String owner;

    @BeforeEach
    void aTenantWithALocation() {
        tenant = UUID.randomUUID();
        location = location(tenant, true);
        owner = owner(tenant);
    }

    @AfterEach
    void backToTheRealTime() {
        clock.reset();
    }

    protected static String owner(UUID tenant) {
        return TestTokens.user(tenant, Role.OWNER).subject(UUID.randomUUID().toString()).sign();
    }

    protected static String staff(UUID tenant, Role role, UUID... locations) {
        return TestTokens.user(tenant, role).subject(UUID.randomUUID().toString()).locations(locations).sign();
    }

    /** A location of the tenant, as qr-service knows it once tenant-service announced it. */
    protected static UUID location(UUID tenant, boolean open) {
        UUID location = UUID.randomUUID();
        Databases.asSuperuser("qr").update("insert into locations (id, tenant_id, name, open, version) values (?, ?, 'Bistro', ?, 0)",
                location, tenant, open);
        return location;
    }

    protected UUID createTable(String token, UUID location, String name) {
        String body = post(token, "/api/v1/tables", Map.of("locationId", location, "name", name, "seats", 4))
                .expectStatus().isCreated().returnResult(String.class).getResponseBody();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    /** The table's code, as printed. */
    protected String code(UUID table) {
        return JsonPath.read(get(owner, "/api/v1/tables/{t}/qr-code", table).expectStatus().isOk()
                .returnResult(String.class).getResponseBody(), "$.token");
    }

    protected UUID createArea(String token, UUID location, String name) {
        String body = post(token, "/api/v1/areas", Map.of("locationId", location, "name", name))
                .expectStatus().isCreated().returnResult(String.class).getResponseBody();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    protected RestTestClient.ResponseSpec post(String token, String path, Object body) {
        RestTestClient.RequestBodySpec request = http.post().uri(path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return call(token, request);
    }

    protected RestTestClient.ResponseSpec get(String token, String path, Object... variables) {
        return call(token, http.get().uri(path, variables));
    }

    protected static RestTestClient.ResponseSpec call(String token, RestTestClient.RequestHeadersSpec<?> request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
