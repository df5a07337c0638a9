package io.urop.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.urop.infra.RedisServer;

import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * What the gateway's tests run against, started once per test JVM and shared by every context: a real
 * backend per fleet service and per test-only service, a real Redis, and a stand-in for auth-service's
 * JWKS. Test-only services: {@code down-service} (a port nobody listens on), {@code ghost-service}
 * (no instance), {@code slow-service} (never answers), {@code flaky-service} (a dead instance and a
 * live one), {@code broken-service} (dead), {@code busy-service} (answers after 400 ms).
 */
public final class TestFleet {

    static final List<String> SERVICES = List.of("auth-service", "tenant-service", "menu-service", "qr-service",
            "order-service", "payment-service", "notification-service", "web-apps");

    private static final Map<String, EchoBackend> BACKENDS = new LinkedHashMap<>();
    static {
        SERVICES.forEach(service -> BACKENDS.put(service, EchoBackend.echo(service)));
        BACKENDS.put("flaky-service", EchoBackend.echo("flaky-service"));
        BACKENDS.put("slow-service", EchoBackend.silent("slow-service"));
        BACKENDS.put("busy-service", EchoBackend.slow("busy-service", Duration.ofMillis(400)));
    }

    /** The instance WebSocket upgrades are routed to, as {@code socket-service}. */
    static final SocketBackend SOCKETS = SocketBackend.start();

    public static final RedisServer REDIS = RedisServer.start();

    static final TestAuthServer AUTH = TestAuthServer.start();

    private TestFleet() {
    }

    static EchoBackend backend(String service) {
        return BACKENDS.get(service);
    }

    /** Every backend and the JWKS as simple-discovery instances; not Redis nor the JWKS URI, which a test chooses. */
    static void registerServices(DynamicPropertyRegistry registry) {
        String instances = "spring.cloud.discovery.client.simple.instances.";
        SERVICES.forEach(service -> registry.add(instances + service + "[0].uri", () -> BACKENDS.get(service).uri()));
        registry.add(instances + "slow-service[0].uri", () -> BACKENDS.get("slow-service").uri());
        registry.add(instances + "busy-service[0].uri", () -> BACKENDS.get("busy-service").uri());
        registry.add(instances + "down-service[0].uri", () -> "http://127.0.0.1:" + EchoBackend.deadPort());
        registry.add(instances + "broken-service[0].uri", () -> "http://127.0.0.1:" + EchoBackend.deadPort());
        registry.add(instances + "flaky-service[0].uri", () -> "http://127.0.0.1:" + EchoBackend.deadPort());
        registry.add(instances + "flaky-service[1].uri", () -> BACKENDS.get("flaky-service").uri());
        registry.add(instances + "socket-service[0].uri", () -> SOCKETS.uri().toString());
        // the JWKS has a service id of its own: auth-service's instance here is an echo backend
        registry.add(instances + "token-keys[0].uri", AUTH::baseUri);
    }

    /** The JWKS through the load balancer, as in the fleet. */
    static final String LOAD_BALANCED_JWKS_URI = "lb://token-keys" + TestAuthServer.JWKS_PATH;

    /** Gives each request its own fresh valid token (so each one counts against its own tenant's budget). */
    static ExchangeFilterFunction freshToken() {
        return (request, next) -> next.exchange(ClientRequest.from(request)
                .headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + AUTH.token()))
                .build());
    }
}
