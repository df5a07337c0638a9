package io.urop.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.urop.client.OtherServices.Answer;
import io.urop.client.OtherServices.Received;
import io.urop.tenancy.TenancyAutoConfiguration;
import io.urop.web.Problems;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Clients as a service makes them, against real HTTP servers found through Spring Cloud LoadBalancer (the simple
 * discovery client plays Eureka): {@code echo-service}, {@code slow-service} (a 300 ms timeout) and
 * {@code half-down-service}, one of whose two instances is down, all answered by {@link OtherServices}, which also
 * plays auth-service.
 */
@SpringBootTest(classes = ServiceClientTest.Caller.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = { "spring.application.name=" + OtherServices.CLIENT_ID,
                "urop.clients.client-secret=" + OtherServices.CLIENT_SECRET,
                "urop.clients.slow-service.timeout=300ms" })
class ServiceClientTest {

    static final OtherServices SERVICES = new OtherServices();
    static final String DOWN = OtherServices.down();

    @DynamicPropertySource
    static void discovery(DynamicPropertyRegistry registry) {
        String instances = "spring.cloud.discovery.client.simple.instances.";
        registry.add(instances + "auth-service[0].uri", SERVICES::uri);
        registry.add(instances + "echo-service[0].uri", SERVICES::uri);
        registry.add(instances + "slow-service[0].uri", SERVICES::uri);
        registry.add(instances + "half-down-service[0].uri", () -> DOWN);
        registry.add(instances + "half-down-service[1].uri", SERVICES::uri);
    }

    @Autowired
    ServiceClients clients;

    ServiceClient echo;

    @BeforeEach
    void aClientOfEchoService() {
        SERVICES.reset();
        echo = clients.client("echo-service");
    }

    @AfterAll
    static void stop() {
        SERVICES.close();
    }

    @Test
    void aCallSendsTheCallersRecordAsJsonWithTheServiceTokenAndReadsTheAnswerIntoItsRecord() {
        UUID order = UUID.randomUUID();
        SERVICES.answer("/internal/v1/orders", Answer.json(201,
                "{\"id\":\"" + order + "\",\"status\":\"PLACED\",\"addedLater\":true}"));

        Placed placed = echo.post("/internal/v1/orders").body(new NewOrder(order, "4", 1250)).fetch(Placed.class);

        assertThat(placed).isEqualTo(new Placed(order, "PLACED"));
        Received request = SERVICES.received("/internal/v1/orders").get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.authorization()).startsWith("Bearer token-");
        assertThat(request.contentType()).startsWith("application/json");
        assertThat((String) JsonPath.read(request.body(), "$.id")).isEqualTo(order.toString());
        assertThat((String) JsonPath.read(request.body(), "$.table")).isEqualTo("4");
        assertThat((Integer) JsonPath.read(request.body(), "$.totalMinor")).isEqualTo(1250);
    }

    @Test
    void thePathsVariablesAreFilledIn() {
        UUID tenant = UUID.randomUUID();
        UUID invitation = UUID.randomUUID();
        String path = "/internal/v1/tenants/" + tenant + "/invitations/" + invitation + "/link";
        SERVICES.answer(path, Answer.json(200, "{\"url\":\"https://example.com/invitations/abc\"}"));

        Link link = echo.get("/internal/v1/tenants/{tenantId}/invitations/{invitationId}/link", tenant, invitation)
                .fetch(Link.class);

        assertThat(link.url()).isEqualTo(URI.create("https://example.com/invitations/abc"));
        assertThat(SERVICES.received(path)).singleElement().extracting(Received::method).isEqualTo("GET");
    }

    @Test
    void aTokenTheServiceRefusesIsReplacedOnceAndTheCallMadeAgain() {
        echo.get("/internal/v1/ping").send();
        int issued = SERVICES.tokensIssued();
        SERVICES.rotateKey();

        Placed placed = echo.post("/internal/v1/orders").body(new NewOrder(UUID.randomUUID(), "4", 1)).fetch(Placed.class);

        assertThat(placed).isNotNull();
        assertThat(SERVICES.tokensIssued()).isEqualTo(issued + 1);
        List<Received> tries = SERVICES.received("/internal/v1/orders");
        assertThat(tries).hasSize(2);
        assertThat(tries.get(0).authorization()).isNotEqualTo(tries.get(1).authorization());
    }

    @Test
    void aTokenRefusedTwiceIsAServiceUnavailable() {
        SERVICES.refuseEveryToken(true);

        CallFailed failed = catchThrowableOfType(CallFailed.class, () -> echo.get("/internal/v1/ping").send());

        assertThat(failed.getStatusCode().value()).isEqualTo(503);
        assertThat(SERVICES.received("/internal/v1/ping")).hasSize(2);
    }

    @Test
    void a503IsAProblemToRetryInAMomentAndAPostIsNotRepeated() {
        SERVICES.answer("/internal/v1/orders", Answer.problem(503, "{\"status\":503}"));

        CallFailed failed = catchThrowableOfType(CallFailed.class,
                () -> echo.post("/internal/v1/orders").body(new NewOrder(UUID.randomUUID(), "4", 1)).send());

        assertThat(failed.getStatusCode().value()).isEqualTo(503);
        assertThat(failed.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(failed.getBody().getType()).isEqualTo(Problems.SERVICE_UNAVAILABLE);
        assertThat(failed.service()).isEqualTo("echo-service");
        assertThat(SERVICES.received("/internal/v1/orders")).hasSize(1);
    }

    @Test
    void aGetIsRetriedOn503AndSucceedsWhenTheServiceRecovers() {
        SERVICES.answer("/internal/v1/menus/1", Answer.status(503), Answer.status(503),
                Answer.json(200, "{\"url\":\"https://example.com/menu\"}"));

        Link menu = echo.get("/internal/v1/menus/1").fetch(Link.class);

        assertThat(menu.url()).isEqualTo(URI.create("https://example.com/menu"));
        assertThat(SERVICES.received("/internal/v1/menus/1")).hasSize(3);
    }

    @Test
    void aGetGivesUpAfterThreeAttempts() {
        SERVICES.answer("/internal/v1/menus/2", Answer.status(503), Answer.status(503), Answer.status(503),
                Answer.json(200, "{}"));

        CallFailed failed = catchThrowableOfType(CallFailed.class, () -> echo.get("/internal/v1/menus/2").send());

        assertThat(failed.getStatusCode().value()).isEqualTo(503);
        assertThat(SERVICES.received("/internal/v1/menus/2")).hasSize(ServiceClient.ATTEMPTS);
    }

    @Test
    void aPostItsCallerMarksIdempotentIsRetriedOn503() {
        SERVICES.answer("/internal/v1/accounts", Answer.status(503), Answer.json(201, "{}"));

        echo.post("/internal/v1/accounts").body(new NewOrder(UUID.randomUUID(), "4", 1)).idempotent().send();

        List<Received> tries = SERVICES.received("/internal/v1/accounts");
        assertThat(tries).hasSize(2);
        assertThat(tries.get(1).body()).isEqualTo(tries.get(0).body());
    }

    @Test
    void anErrorOtherThan503IsAServiceUnavailableAndNotRetriedEvenForAGet() {
        SERVICES.answer("/internal/v1/menus/3", Answer.json(500, "{}"));

        CallFailed failed = catchThrowableOfType(CallFailed.class, () -> echo.get("/internal/v1/menus/3").send());

        assertThat(failed.getStatusCode().value()).isEqualTo(503);
        assertThat(SERVICES.received("/internal/v1/menus/3")).hasSize(1);
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsAGatewayTimeoutAndNotRetried() {
        ServiceClient slow = clients.client("slow-service");
        SERVICES.answer("/internal/v1/slow", Answer.json(200, "{}").after(Duration.ofSeconds(1)));

        CallFailed failed = catchThrowableOfType(CallFailed.class, () -> slow.get("/internal/v1/slow").send());

        assertThat(failed.getStatusCode().value()).isEqualTo(504);
        assertThat(failed.getBody().getType()).isEqualTo(Problems.SERVICE_UNAVAILABLE);
        assertThat(SERVICES.received("/internal/v1/slow")).hasSize(1);
    }

    @Test
    void anIdempotentCallReachesTheLiveInstanceWhenAnotherIsDown() {
        ServiceClient halfDown = clients.client("half-down-service");

        for (int call = 0; call < 4; call++) {
            halfDown.get("/internal/v1/ping").send();
        }

        assertThat(SERVICES.received("/internal/v1/ping")).hasSize(4);
    }

    @Test
    void aPostToAnInstanceThatIsDownIsNotMadeAgainElsewhere() {
        ServiceClient halfDown = clients.client("half-down-service");
        List<Integer> failures = new ArrayList<>();

        // the load balancer takes the two instances in turn
        for (int call = 0; call < 4; call++) {
            try {
                halfDown.post("/internal/v1/orders").body(new NewOrder(UUID.randomUUID(), "4", 1)).send();
            }
            catch (CallFailed failed) {
                failures.add(failed.getStatusCode().value());
            }
        }

        assertThat(failures).containsExactly(503, 503);
        assertThat(SERVICES.received("/internal/v1/orders")).hasSize(2);
    }

    @Test
    void aRefusalIsACallRejectedWithTheServicesProblemForTheCallerToMap() {
        SERVICES.answer("/internal/v1/accounts", Answer.problem(409,
                "{\"type\":\"https://urop.io/problems/conflict\",\"title\":\"Conflict\",\"status\":409,"
                        + "\"detail\":\"An account with this email already exists\"}"),
                Answer.status(404));

        CallRejected conflict = catchThrowableOfType(CallRejected.class,
                () -> echo.post("/internal/v1/accounts").body(new NewOrder(UUID.randomUUID(), "4", 1)).idempotent().send());
        CallRejected notFound = catchThrowableOfType(CallRejected.class,
                () -> echo.post("/internal/v1/accounts").idempotent().send());

        assertThat(conflict.is(HttpStatus.CONFLICT)).isTrue();
        assertThat(conflict.problem().getType()).isEqualTo(Problems.CONFLICT);
        assertThat(conflict.problem().getDetail()).isEqualTo("An account with this email already exists");
        assertThat(notFound.is(HttpStatus.NOT_FOUND)).isTrue();
        assertThat(notFound.problem().getStatus()).isEqualTo(404);
        assertThat(SERVICES.received("/internal/v1/accounts")).hasSize(2);
    }

    @Test
    void anAnswerWithoutTheExpectedBodyIsAServiceUnavailable() {
        SERVICES.answer("/internal/v1/menus/4", Answer.status(204));

        CallFailed failed = catchThrowableOfType(CallFailed.class, () -> echo.get("/internal/v1/menus/4").fetch(Link.class));

        assertThat(failed.getStatusCode().value()).isEqualTo(503);
    }

    /** A service as small as can be: no web server, no database, the load balancer over the simple discovery client. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = { TenancyAutoConfiguration.class, DataSourceAutoConfiguration.class,
            HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class })
    static class Caller {
    }

    record NewOrder(UUID id, String table, long totalMinor) {
    }

    record Placed(UUID id, String status) {
    }

    record Link(URI url) {
    }
}
