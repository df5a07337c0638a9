package io.urop.gateway;

import java.time.Duration;

import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway over real HTTP in front of {@link TestFleet} (Eureka and the config server off), with
 * the settings every test class shares so they all run in one Spring context: low per-tenant and per-diner
 * budgets, the test client's own address and 10.0.0.0/8 as trusted proxies, one allowed CORS origin,
 * a short JWKS refetch interval (so a key rotation shows within a second).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "spring.cloud.config.enabled=false",
        "urop.gateway.services.down-service[0]=/test/down/**",
        "urop.gateway.services.ghost-service[0]=/test/ghost/**",
        "urop.gateway.services.slow-service[0]=/test/slow/**",
        "urop.gateway.services.flaky-service[0]=/test/flaky/**",
        "urop.gateway.services.broken-service[0]=/test/broken/**",
        "urop.gateway.services.busy-service[0]=/test/busy/**",
        "urop.gateway.websocket.service=socket-service",
        "resilience4j.timelimiter.instances.slow-service.timeout-duration=1s",
        "resilience4j.bulkhead.configs.busy-service.max-concurrent-calls=2",
        "urop.gateway.rate-limits.per-tenant.limit=" + GatewayIntegrationTest.TENANT_LIMIT,
        "urop.gateway.rate-limits.per-diner.token-limit=" + GatewayIntegrationTest.DINER_TOKEN_LIMIT,
        "urop.gateway.rate-limits.per-diner.table-session-limit=" + GatewayIntegrationTest.TABLE_SESSION_LIMIT,
        // the test client plays the ingress (a peer of the gateway on this host), behind it a private network of proxies
        "urop.gateway.client-address.trusted-proxies=127.0.0.1,::1,10.0.0.0/8",
        "urop.gateway.cors.allowed-origins=" + GatewayIntegrationTest.ALLOWED_ORIGIN,
        "urop.gateway.apps.image-origins=" + GatewayIntegrationTest.IMAGE_ORIGIN,
        "urop.gateway.security.jwks-refetch-interval=1s",
        "management.server.port=0",
})
@AutoConfigureWebTestClient(timeout = "30s") // a first request on a busy 2-core machine can take seconds
abstract class GatewayIntegrationTest {

    static final int TENANT_LIMIT = 5;

    static final int DINER_TOKEN_LIMIT = 8;

    static final int TABLE_SESSION_LIMIT = 12;

    static final String ALLOWED_ORIGIN = "https://app.urop.test";

    static final String IMAGE_ORIGIN = "https://images.urop.test";

    @DynamicPropertySource
    static void fleet(DynamicPropertyRegistry registry) {
        TestFleet.registerServices(registry);
        registry.add("spring.data.redis.url", TestFleet.REDIS::url);
        registry.add("urop.gateway.security.jwks-uri", () -> TestFleet.LOAD_BALANCED_JWKS_URI);
    }

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    /**
     * The management server (actuator's probes and metrics, for the cluster only), asked without a token and on a new
     * connection each time, as the kubelet's probes ask it.
     */
    WebTestClient management() {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.newConnection()))
                .baseUrl("http://127.0.0.1:" + managementPort).responseTimeout(Duration.ofSeconds(30)).build();
    }
}
