package io.urop.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing and resilience over real HTTP, in front of real backends on local ports ({@link TestFleet}).
 * Every request carries a fresh valid access token (most of these paths need one; the public ones
 * ignore it): security itself is tested in {@link AccessTokenTest}, {@link RevokedSessionTest},
 * {@link RateLimitTest}, {@link EdgeTest} and {@link RedisDownTest}. Test-only services:
 * {@code slow-service} has a 1 s time limit, {@code busy-service} a bulkhead of 2,
 * {@code broken-service}'s breaker is driven open.
 */
@ExtendWith(OutputCaptureExtension.class)
class GatewayTest extends GatewayIntegrationTest {

    /** The design's routed paths, one or more concrete requests per service. */
    private static final Map<String, List<String>> ROUTED_PATHS = new LinkedHashMap<>();
    static {
        ROUTED_PATHS.put("auth-service", List.of("/api/v1/auth/login", "/.well-known/jwks.json"));
        ROUTED_PATHS.put("tenant-service", List.of("/api/v1/signup", "/api/v1/tenants/42/locations"));
        ROUTED_PATHS.put("menu-service", List.of("/api/v1/menus/7/items", "/api/v1/public/locations/loc-1/menu"));
        ROUTED_PATHS.put("qr-service", List.of("/api/v1/tables/3", "/api/v1/areas", "/api/v1/table-sessions/current",
                "/q/v1.abc.def"));
        ROUTED_PATHS.put("order-service", List.of("/api/v1/orders", "/api/v1/kitchen/tickets/9/bump"));
        ROUTED_PATHS.put("payment-service", List.of("/api/v1/payments/5/refunds", "/webhooks/stripe"));
        ROUTED_PATHS.put("notification-service", List.of("/api/v1/notifications/ws-tickets"));
    }

    @BeforeEach
    void authenticate() {
        client = client.mutate().filter(TestFleet.freshToken()).build();
    }

    @Test
    void routesEveryPublicPathToItsServiceWithMethodPathQueryAndBodyIntact() {
        ROUTED_PATHS.forEach((service, paths) -> paths.forEach(path -> {
            String echo = client.post().uri(URI.create("http://127.0.0.1:" + port + path + "?page=2&q=a%20b&tag=x%2Fy"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"hello\":\"" + service + "\"}")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(JsonPath.<String>read(echo, "$.service")).as(path).isEqualTo(service);
            assertThat(JsonPath.<String>read(echo, "$.method")).isEqualTo("POST");
            assertThat(JsonPath.<String>read(echo, "$.path")).isEqualTo(path);
            assertThat(JsonPath.<String>read(echo, "$.query")).isEqualTo("page=2&q=a%20b&tag=x%2Fy");
            assertThat(JsonPath.<String>read(echo, "$.body")).isEqualTo("{\"hello\":\"" + service + "\"}");
            assertThat(JsonPath.<String>read(echo, "$.forwardedFor")).isEqualTo("127.0.0.1");
        }));

        String get = client.get().uri("/api/v1/menus/7").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(get, "$.method")).isEqualTo("GET");
        assertThat(JsonPath.<String>read(get, "$.body")).isEmpty();
    }

    @Test
    void aWebSocketAtWsReachesItsServiceWithItsTicketNeedsNoTokenAndOutlivesTheCallTimeLimit() {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpHeaders forged = new HttpHeaders();
        forged.set("X-Forwarded-For", "198.51.100.7, 10.1.2.3");
        forged.set("X-Real-IP", "203.0.113.9");
        forged.set("X-Urop-Tenant-Id", "another-tenant");
        forged.set("X-Request-Id", "socket-req-1");
        new ReactorNettyWebSocketClient().execute(URI.create("ws://127.0.0.1:" + port + "/ws?ticket=t-1"), forged,
                session -> session.send(Flux.concat(Mono.just(session.textMessage("subscribe")),
                                // longer than the services' time limit (10 s), which would cut a proxied call
                                Mono.delay(Duration.ofSeconds(11)).map(ignored -> session.textMessage("still open"))))
                        .and(session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(received::add)
                                .take(4).then()))
                .block(Duration.ofSeconds(30));

        // the client's forwarding and X-Urop-* headers are not passed on: the gateway's own are (the client behind the
        // trusted proxies: 10.0.0.0/8 and this host)
        assertThat(received).containsExactly("/ws?ticket=t-1",
                "forwarded-for=[198.51.100.7] real-ip=[] request-id=[socket-req-1] tenant=[]",
                "echo:subscribe", "echo:still open");
        client.get().uri("/ws").exchange().expectStatus().isNotFound();
    }

    @Test
    void givesEveryRequestAnIdPassesItOnAndReturnsIt() {
        EntityExchangeResult<String> generated = client.get().uri("/api/v1/orders/1").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        String id = generated.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(JsonPath.<String>read(generated.getResponseBody(), "$.requestId")).isEqualTo(id);

        EntityExchangeResult<String> kept = client.get().uri("/api/v1/orders/1")
                .header("X-Request-Id", "client-req_42.a").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        assertThat(kept.getResponseHeaders().get("X-Request-Id")).containsExactly("client-req_42.a");
        assertThat(JsonPath.<String>read(kept.getResponseBody(), "$.requestId")).isEqualTo("client-req_42.a");

        EntityExchangeResult<String> replaced = client.get().uri("/api/v1/orders/1")
                .header("X-Request-Id", "x".repeat(65)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        String replacement = replaced.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(UUID.fromString(replacement)).isNotNull();
        assertThat(JsonPath.<String>read(replaced.getResponseBody(), "$.requestId")).isEqualTo(replacement);
    }

    @Test
    void timesEveryCallToAServicePerRouteWithoutLongTaskTimers() {
        client.get().uri("/api/v1/orders/1").exchange().expectStatus().isOk();

        String metrics = management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics.lines()).anyMatch(line -> line.startsWith("gateway_service_calls_seconds_count{")
                && line.contains("spring_cloud_gateway_route_id=\"order-service\"")
                && line.contains("http_status_code=\"200\""));
        assertThat(metrics.lines()).anyMatch(line -> line.startsWith("http_server_requests_seconds_count{"));
        assertThat(metrics.lines()).noneMatch(line -> line.startsWith("gateway_service_calls_active_seconds")
                || line.startsWith("http_server_requests_active_seconds"));
    }

    @Test
    void aServiceWhoseInstanceIsDownAnswers503ProblemQuicklyWithRetryAfter(CapturedOutput output) {
        long start = System.nanoTime();
        EntityExchangeResult<String> result = client.post().uri("/test/down/things")
                .header("X-Request-Id", "down-1")
                .bodyValue("{}").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().valueEquals("X-Request-Id", "down-1")
                .expectBody(String.class).returnResult();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        String problem = result.getResponseBody();
        assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://urop.io/problems/service-unavailable");
        assertThat(JsonPath.<String>read(problem, "$.title")).isEqualTo("Service unavailable");
        assertThat(JsonPath.<Integer>read(problem, "$.status")).isEqualTo(503);
        assertThat(JsonPath.<String>read(problem, "$.detail")).isEqualTo("down-service could not be reached");
        assertThat(JsonPath.<String>read(problem, "$.instance")).isEqualTo("/test/down/things");
        assertThat(JsonPath.<String>read(problem, "$.requestId")).isEqualTo("down-1");
        assertThat(problem).doesNotContain("Exception", "at io.", "127.0.0.1");

        // the structured (ECS) log line of the failure carries the trace
        String logLine = output.getOut().lines().filter(line -> line.contains("down-service unavailable"))
                .findFirst().orElseThrow();
        assertThat(logLine).startsWith("{").contains("\"traceId\"", "\"spanId\"");
    }

    @Test
    void aServiceWithNoInstanceAnswers503Problem() {
        String problem = client.get().uri("/test/ghost/x").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(problem, "$.title")).isEqualTo("Service unavailable");
        assertThat(JsonPath.<String>read(problem, "$.detail")).isEqualTo("No instance of ghost-service is available");
        assertThat(JsonPath.<String>read(problem, "$.instance")).isEqualTo("/test/ghost/x");
    }

    @Test
    void aServiceThatNeverAnswersGetsATimeoutProblem() {
        long start = System.nanoTime();
        String problem = client.get().uri("/test/slow/report").exchange()
                .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(4));
        assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://urop.io/problems/gateway-timeout");
        assertThat(JsonPath.<String>read(problem, "$.detail")).isEqualTo("slow-service did not answer in time");
    }

    @Test
    void aRefusedConnectionIsRetriedOnAnotherInstanceEvenForPost() {
        // round robin over [dead, live]: whichever comes first, every call reaches the live one, body intact
        for (int i = 0; i < 4; i++) {
            String echo = client.post().uri("/test/flaky/orders")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"n\":" + i + "}").exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(JsonPath.<String>read(echo, "$.service")).isEqualTo("flaky-service");
            assertThat(JsonPath.<String>read(echo, "$.body")).isEqualTo("{\"n\":" + i + "}");
        }
    }

    @Test
    void theBreakerOpensAfterFailuresAndTheDocsHaveTheirOwn() {
        for (int i = 0; i < 10; i++) {
            client.get().uri("/test/broken/x").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        }
        String open = client.get().uri("/test/broken/x").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().exists("Retry-After")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(open, "$.detail"))
                .isEqualTo("broken-service is failing; calls are paused for a few seconds");

        String docs = client.get().uri("/v3/api-docs/broken-service").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(docs, "$.detail")).isEqualTo("broken-service could not be reached");
        assertThat(JsonPath.<String>read(docs, "$.instance")).isEqualTo("/v3/api-docs/broken-service");

        String metrics = management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics.lines()).anyMatch(line -> line.startsWith("resilience4j_circuitbreaker_state{")
                && line.contains("name=\"broken-service\"") && line.contains("state=\"open\"")
                && line.endsWith(" 1.0"));
    }

    @Test
    void aFullBulkheadShedsLoadWithout503sOpeningTheBreaker(CapturedOutput output) {
        WebClient direct = WebClient.builder().baseUrl("http://127.0.0.1:" + port).filter(TestFleet.freshToken()).build();
        List<Integer> statuses = Flux.range(0, 12)
                .flatMap(i -> direct.get().uri("/test/busy/x").exchangeToMono(
                        response -> response.releaseBody().thenReturn(response.statusCode().value())), 12)
                .collectList().block(Duration.ofSeconds(10));
        assertThat(statuses).contains(200, 503).hasSize(12);
        assertThat(statuses.stream().filter(status -> status == 503).count()).isGreaterThanOrEqualTo(10);
        // one log line for the load shed, not one per refused call
        assertThat(output.getOut().lines().filter(line -> line.contains("busy-service unavailable")))
                .singleElement().asString().contains("BulkheadFullException", "call(s) refused since the last line");

        // 10+ rejections in the window, yet the breaker is closed: the next call goes through
        client.get().uri("/test/busy/x").exchange().expectStatus().isOk();
    }

    @Test
    void anUnknownPathAnswers404Problem() {
        String problem = client.get().uri("/api/v1/nothing-here").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://urop.io/problems/not-found");
        assertThat(JsonPath.<Integer>read(problem, "$.status")).isEqualTo(404);
        assertThat(JsonPath.<String>read(problem, "$.instance")).isEqualTo("/api/v1/nothing-here");
    }

    @Test
    void routesEachServiceDocAndListsEveryServiceInOneSwaggerUi() {
        ROUTED_PATHS.keySet().forEach(service -> {
            String echo = client.get().uri("/v3/api-docs/" + service).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(JsonPath.<String>read(echo, "$.service")).isEqualTo(service);
            assertThat(JsonPath.<String>read(echo, "$.path")).isEqualTo("/v3/api-docs");
        });

        String config = client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<String> urls = JsonPath.read(config, "$.urls[*].url");
        List<String> names = JsonPath.read(config, "$.urls[*].name");
        ROUTED_PATHS.keySet().forEach(service -> {
            assertThat(urls).contains("/v3/api-docs/" + service);
            assertThat(names).contains(service);
        });

        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void probesAndMetricsAnswerOnTheManagementPortWithoutAToken() {
        WebTestClient management = management();
        management.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        management.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        management.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
        // and nothing else: no route to a service, with or without a token
        management.get().uri("/api/v1/orders/1").exchange().expectStatus().isNotFound().expectBody().isEmpty();
        management.get().uri("/api/v1/orders/1").headers(headers -> headers.setBearerAuth(TestFleet.AUTH.token()))
                .exchange().expectStatus().isNotFound().expectBody().isEmpty();
    }

    @Test
    void thePublicPortServesNoActuatorEndpoint() {
        WebTestClient anonymous = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/health/readiness",
                "/actuator/info", "/actuator")) {
            anonymous.get().uri(path).exchange().expectStatus().isUnauthorized();
            client.get().uri(path).exchange().expectStatus().isNotFound();
        }
    }
}
