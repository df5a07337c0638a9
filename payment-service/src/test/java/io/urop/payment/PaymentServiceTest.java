package io.urop.payment;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.jayway.jsonpath.JsonPath;
import com.stripe.StripeClient;
import io.urop.contracts.Role;
import io.urop.events.EventCodec;
import io.urop.events.order.OrderCancelled;
import io.urop.events.order.OrderPlaced;
import io.urop.payment.bill.OrderServiceStandIn;
import io.urop.stripe.emulator.EmulatorSettings;
import io.urop.stripe.emulator.StripeEmulator;
import io.urop.test.Databases;
import io.urop.test.ServiceIntegrationTest;
import io.urop.test.TopicReader;
import io.urop.test.tokens.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.awaitility.Awaitility.await;

/**
 * payment-service against real PostgreSQL and Kafka, and stripe-java against the Stripe emulator, which posts its
 * signed webhooks to the service's own port. Each test has a tenant of its own.
 */
@ServiceIntegrationTest
public abstract class PaymentServiceTest {

    protected static final String WEBHOOK_SECRET = "whsec_urop_test_current";
    protected static final String PREVIOUS_WEBHOOK_SECRET = "whsec_urop_test_previous";
    protected static final JdbcTemplate SUPERUSER = Databases.asSuperuser("payment");
    protected static final StripeEmulator STRIPE = StripeEmulator.start(EmulatorSettings.defaults()
            .webhookRetries(Duration.ofMillis(100), Duration.ofSeconds(1), 20));
    private static final AtomicBoolean WEBHOOKS_REGISTERED = new AtomicBoolean();

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected EventCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrap;

    @LocalServerPort
    int port;

    protected UUID tenant;
    protected UUID location;

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("urop.stripe.api-key", STRIPE::apiKey);
        registry.add("urop.stripe.api-base", STRIPE::baseUrl);
        registry.add("urop.stripe.webhook-secrets", () -> WEBHOOK_SECRET + "," + PREVIOUS_WEBHOOK_SECRET);
        String instances = "spring.cloud.discovery.client.simple.instances.";
        registry.add(instances + "order-service[0].uri", OrderServiceStandIn.INSTANCE::uri);
        registry.add(instances + "auth-service[0].uri", OrderServiceStandIn.INSTANCE::uri);
    }

    @BeforeEach
    void aTenantWithALocation() {
        if (WEBHOOKS_REGISTERED.compareAndSet(false, true)) {
            STRIPE.registerWebhookEndpoint(URI.create("http://127.0.0.1:" + port + "/webhooks/stripe"), WEBHOOK_SECRET,
                    true);
        }
        STRIPE.resetWebhookSwitches();
        tenant = UUID.randomUUID();
        location = UUID.randomUUID();
    }

    protected String member(Role role) {
        return TestTokens.user(tenant, role).subject(UUID.randomUUID().toString()).sign();
    }

    protected Diner diner() {
        UUID session = UUID.randomUUID();
        String token = TestTokens.user(tenant, Role.DINER).subject(UUID.randomUUID().toString())
                .session(session.toString()).locations(location).sign();
        return new Diner(token, session);
    }

    /** The tenant's owner connects its Stripe account and Stripe enables it: returns the account's id. */
    protected String connectedAccount() {
        String owner = member(Role.OWNER);
        call(owner, http.post().uri("/api/v1/payments/account/onboarding-links")).expectStatus().isOk();
        String account = JsonPath.read(body(call(owner, http.get().uri("/api/v1/payments/account"))), "$.stripeAccountId");
        STRIPE.completeOnboarding(account);
        await().atMost(Duration.ofSeconds(20)).until(() -> JsonPath.<Boolean>read(
                body(call(owner, http.get().uri("/api/v1/payments/account"))), "$.takesPayments"));
        return account;
    }

    /** order-service announces an order of the diner's session to be paid first, and payment-service learned it. */
    protected UUID orderToPay(Diner diner, long total) {
        UUID order = UUID.randomUUID();
        OrderPlaced placed = new OrderPlaced(order, tenant, location, OrderPlaced.Channel.TABLE, UUID.randomUUID(),
                diner.session(), OrderPlaced.EntryState.PENDING_PAYMENT, "EUR",
                List.of(new OrderPlaced.Line(UUID.randomUUID(), UUID.randomUUID(), "Burger", 1, total, total)), total,
                0, true, 0, total, "anna", Instant.now());
        kafka.send("order.events", order.toString(), codec.encode(codec.envelope(placed, tenant, order.toString(), null)));
        return order;
    }

    protected RestTestClient.ResponseSpec checkout(Diner diner, UUID order, String body) {
        RestTestClient.RequestBodySpec request = http.post().uri("/api/v1/payments/orders/{o}/checkout", order);
        if (body != null) {
            request.contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body);
        }
        return call(diner.token(), request);
    }

    /** The checkout of an order once payment-service learned it: its JSON. */
    protected String checkoutOnceKnown(Diner diner, UUID order, String body) {
        await().atMost(Duration.ofSeconds(20)).until(() -> checkout(diner, order, body).returnResult(String.class)
                .getStatus().value() == 200);
        return body(checkout(diner, order, body));
    }

    /** Sends order-service's word that the order will not be made. */
    protected void cancelled(UUID order) {
        OrderCancelled cancelled = new OrderCancelled(order, tenant, location, null, OrderCancelled.Cause.BY_DINER,
                "changed my mind", "anna", Instant.now());
        kafka.send("order.events", order.toString(), codec.encode(codec.envelope(cancelled, tenant, order.toString(),
                null)));
    }

    protected static String sessionIdOf(String checkout) {
        String url = JsonPath.read(checkout, "$.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The payment events of this tenant's order, as they reached Kafka (duplicates would show). */
    protected List<ConsumerRecord<String, String>> paymentEvents(UUID order, String type, int atLeast) {
        return TopicReader.await(bootstrap, "payment.events", record -> record.value().contains(order.toString())
                && type.equals(codec.decode(record.value()).type()), atLeast, Duration.ofSeconds(atLeast == 0 ? 3 : 20));
    }

    /** stripe-java as a test reads what Stripe has, straight from the emulator. */
    protected static StripeClient stripe() {
        return StripeClient.builder().setApiKey(STRIPE.apiKey()).setApiBase(STRIPE.baseUrl()).build();
    }

    protected static RestTestClient.ResponseSpec call(String token, RestTestClient.RequestHeadersSpec<?> request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    protected static String body(RestTestClient.ResponseSpec response) {
        return response.expectStatus().isOk().returnResult(String.class).getResponseBody();
    }

    protected record Diner(String token, UUID session) {
    }
}
