package io.urop.notification.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.urop.contracts.Role;
import io.urop.events.order.OrderCompleted;
import io.urop.events.order.OrderPlaced;
import io.urop.events.order.OrderReady;
import io.urop.events.payment.PaymentSucceeded;
import io.urop.events.tenant.LocationChanged;
import io.urop.notification.NotificationServiceTest;
import io.urop.sms.capture.CapturedSms;
import io.urop.tenancy.TenantContext;
import io.urop.test.TopicReader;
import io.urop.test.tokens.TestTokens;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Your order is ready" and receipts, from the events of orders whose diners (or staff) gave a contact, as they
 * reach a real SMTP server and the SMS capture.
 */
class OrderMessagesTest extends NotificationServiceTest {

    private final UUID tenant = UUID.randomUUID();
    private final UUID location = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();

    @Autowired
    private RestTestClient http;

    @Autowired
    private PlacedOrders orders;

    @Autowired
    private TransactionTemplate transaction;

    @Value("${spring.kafka.bootstrap-servers}")
    private String kafkaServers;

    @AfterEach
    void endAnyOutage() {
        SMS.failNextSends(0, 503);
    }

    @Test
    void aDinerIsToldTheOrderIsReadyByEmailAndSmsInTheirLanguageOnce() throws Exception {
        nameLocation("Chez Marcel");
        OrderPlaced order = place(OrderPlaced.EntryState.PLACED, OrderPlaced.Channel.TABLE);
        String email = "diner-" + UUID.randomUUID() + "@example.com";
        String phone = newPhone();

        giveContact(diner(session), order.orderId(), Map.of("email", email, "phone", phone, "language", "fr"))
                .expectStatus().isOk().expectBody().jsonPath("$.language").isEqualTo("fr");
        OrderReady ready = new OrderReady(order.orderId(), tenant, location, session, "kitchen", Instant.now());
        String event = codec.encode(codec.envelope(ready, tenant, order.orderId().toString(), null));
        kafka.send("order.events", order.orderId().toString(), event);

        MimeMessage received = awaitOneTo(email);
        assertThat(received.getSubject()).isEqualTo("Chez Marcel : votre commande est prête");
        assertThat((String) received.getContent()).contains("Votre commande " + reference(order),
                "est prête et arrive à votre table", "2 × Margherita", "1 × Tiramisu");
        CapturedSms sms = awaitSmsTo(phone);
        assertThat(sms.body()).isEqualTo("Chez Marcel : votre commande " + reference(order)
                + " est prête. Bon appétit !");
        assertThat(sms.from()).isEqualTo("+15005550006");

        // delivered again, as Kafka may
        kafka.send("order.events", order.orderId().toString(), event);
        kafka.send("order.events", order.orderId().toString(), event);
        Thread.sleep(1500);
        assertThat(messagesTo(email)).hasSize(1);
        assertThat(SMS.messagesTo(phone)).hasSize(1);
        String log = deliveries("");
        assertThat(JsonPath.<List<String>>read(log, "$.items[?(@.recipient == '" + email + "')].status"))
                .containsExactly("SENT");
        assertThat(JsonPath.<List<String>>read(log, "$.items[?(@.recipient == '" + phone + "')].kind"))
                .containsExactly("order-ready");
    }

    @Test
    void anOrderPaidAsItWasPlacedGetsItsReceiptWithTheTipOnceItIsPaidAndNotAgainWhenItCompletes() throws Exception {
        nameLocation("Zum Anker");
        OrderPlaced order = place(OrderPlaced.EntryState.PENDING_PAYMENT, OrderPlaced.Channel.TAKEAWAY);
        String email = "guest-" + UUID.randomUUID() + "@example.com";
        http.put().uri("/api/v1/notifications/orders/{order}/contact", order.orderId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + diner(session))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,de;q=0.9,en;q=0.8")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("email", email)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.language").isEqualTo("de");

        publish("payment.events", new PaymentSucceeded(UUID.randomUUID(), tenant, location, order.orderId(), session,
                order.total() + 250, "EUR", Instant.now()), tenant, order.orderId());

        MimeMessage receipt = awaitOneTo(email);
        assertThat(receipt.getSubject()).isEqualTo("Ihre Quittung von Zum Anker");
        assertThat((String) receipt.getContent()).contains("Bestellung " + reference(order),
                "2 × Margherita zu 9,50", "Zwischensumme: 25,00", "Gesamt: 25,00", "darin enthaltene MwSt.: 2,27",
                "Trinkgeld: 2,50", "Bezahlt: 27,50", "€");

        publish("order.events", new OrderCompleted(order.orderId(), tenant, location, session, "staff", Instant.now()),
                tenant, order.orderId());
        publish("order.events", new OrderReady(order.orderId(), tenant, location, session, "kitchen", Instant.now()),
                tenant, order.orderId());
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(email).size() == 2);
        Thread.sleep(1500);
        assertThat(messagesTo(email)).extracting(MimeMessage::getSubject)
                .containsExactly("Ihre Quittung von Zum Anker", "Zum Anker: Ihre Bestellung ist fertig");
        assertThat((String) messagesTo(email).get(1).getContent()).contains("Sie können sie jetzt abholen");
    }

    @Test
    void anOrderOnTheTabGetsItsReceiptWhenItCompletes() throws Exception {
        nameLocation("The Anchor");
        OrderPlaced order = place(OrderPlaced.EntryState.PLACED, OrderPlaced.Channel.TABLE);
        String email = "tab-" + UUID.randomUUID() + "@example.com";
        giveContact(diner(session), order.orderId(), Map.of("email", email)).expectStatus().isOk();

        publish("order.events", new OrderCompleted(order.orderId(), tenant, location, session, "staff", Instant.now()),
                tenant, order.orderId());

        MimeMessage receipt = awaitOneTo(email);
        assertThat(receipt.getSubject()).isEqualTo("Your receipt from The Anchor");
        assertThat((String) receipt.getContent()).contains("2 × Margherita at €9.50: €19.00", "Paid: €25.00")
                .doesNotContain("Tip");
    }

    @Test
    void aRestaurantsOwnWordingIsWhatItsDinersGet() {
        http.put().uri("/api/v1/notifications/templates/order-ready/sms/es")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.user(tenant, Role.OWNER).sign())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("body", "{{#items}}{{quantity}} {{name}}, {{/items}}¡listo! Pedido {{reference}}."))
                .exchange().expectStatus().isOk();
        OrderPlaced order = place(OrderPlaced.EntryState.PLACED, OrderPlaced.Channel.TABLE);
        String phone = newPhone();
        giveContact(diner(session), order.orderId(), Map.of("phone", phone, "language", "es-MX")).expectStatus().isOk();

        publish("order.events", new OrderReady(order.orderId(), tenant, location, session, "kitchen", Instant.now()),
                tenant, order.orderId());

        assertThat(awaitSmsTo(phone).body())
                .isEqualTo("2 Margherita, 1 Tiramisu, ¡listo! Pedido " + reference(order) + ".");
    }

    @Test
    void onlyTheOrdersOwnTableSessionAndItsStaffGiveOrReadItsContactAndBadContactsAreRefused() {
        OrderPlaced order = place(OrderPlaced.EntryState.PLACED, OrderPlaced.Channel.TABLE);
        String email = "own-" + UUID.randomUUID() + "@example.com";
        String otherTable = diner(UUID.randomUUID());
        String otherTenant = TestTokens.user(UUID.randomUUID(), Role.DINER).session(session.toString())
                .locations(location).sign();

        giveContact(otherTable, order.orderId(), Map.of("email", "thief@example.com")).expectStatus().isNotFound();
        giveContact(diner(session), order.orderId(), Map.of("email", email)).expectStatus().isOk();
        read(otherTable, order.orderId()).expectStatus().isNotFound();
        read(otherTenant, order.orderId()).expectStatus().isNotFound();
        read(TestTokens.user(tenant, Role.STAFF).locations(UUID.randomUUID()).sign(), order.orderId())
                .expectStatus().isNotFound();
        read(TestTokens.user(tenant, Role.STAFF).locations(location).sign(), order.orderId())
                .expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(email);
        giveContact(TestTokens.user(tenant, Role.KITCHEN).sign(), order.orderId(), Map.of("email", email))
                .expectStatus().isForbidden();

        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of(), Map.of("email", "not an address"),
                Map.of("phone", "0612345678"), Map.of("email", email, "language", "x".repeat(40)))) {
            giveContact(diner(session), order.orderId(), bad).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        read(diner(session), order.orderId()).expectStatus().isOk().expectBody()
                .jsonPath("$.email").isEqualTo(email).jsonPath("$.language").isEqualTo("en");

        http.delete().uri("/api/v1/notifications/orders/{order}/contact", order.orderId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + diner(session)).exchange()
                .expectStatus().isNoContent();
        read(diner(session), order.orderId()).expectStatus().isNotFound();
    }

    @Test
    void aContactGivenFromAnotherTableBeforeTheOrderWasKnownIsNeverToldAndTakesNoOnesPlace() throws Exception {
        UUID orderId = UUID.randomUUID();
        String squatter = "squatter-" + UUID.randomUUID() + "@example.com";
        String own = "own-" + UUID.randomUUID() + "@example.com";
        giveContact(diner(UUID.randomUUID()), orderId, Map.of("email", squatter)).expectStatus().isOk();
        giveContact(diner(session), orderId, Map.of("email", own)).expectStatus().isOk();

        publishPlaced(orderId, OrderPlaced.EntryState.PLACED, OrderPlaced.Channel.TABLE);
        publish("order.events", new OrderReady(orderId, tenant, location, session, "kitchen", Instant.now()),
                tenant, orderId);

        awaitOneTo(own);
        Thread.sleep(1500);
        assertThat(messagesTo(squatter)).isEmpty();
        read(diner(session), orderId).expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(own);
        read(TestTokens.user(tenant, Role.STAFF).locations(location).sign(), orderId).expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo(own);
    }

    @Test
    void aNumberRefusedForGoodIsRecordedAndNeverTriedAgain() throws Exception {
        String refused = "+15005550009";
        OrderPlaced first = place(OrderPlaced.EntryState.PLACED, OrderPlaced.Channel.TABLE);
        OrderPlaced second = place(OrderPlaced.EntryState.PLACED, OrderPlaced.Channel.TABLE);
        giveContact(diner(session), first.orderId(), Map.of("phone", refused)).expectStatus().isOk();
        giveContact(diner(session), second.orderId(), Map.of("phone", refused)).expectStatus().isOk();

        publish("order.events", new OrderReady(first.orderId(), tenant, location, session, "kitchen", Instant.now()),
                tenant, first.orderId());
        await().atMost(Duration.ofSeconds(30)).until(() -> statusesOf(refused).contains("REFUSED"));
        publish("order.events", new OrderReady(second.orderId(), tenant, location, session, "kitchen", Instant.now()),
                tenant, second.orderId());

        await().atMost(Duration.ofSeconds(30)).until(() -> statusesOf(refused).size() == 2);
        String log = deliveries("");
        assertThat(JsonPath.<List<String>>read(log, "$.items[?(@.recipient == '" + refused + "')].status"))
                .containsExactly("SUPPRESSED", "REFUSED");
        assertThat(JsonPath.<List<Integer>>read(log, "$.items[?(@.recipient == '" + refused + "')].attempts"))
                .containsExactly(0, 1);
        assertThat(JsonPath.<List<String>>read(log, "$.items[?(@.status == 'REFUSED')].lastError").get(0))
                .contains("21614");
        assertThat(SMS.messagesTo(refused)).isEmpty();
    }

    @Test
    void anSmsOutageIsWaitedOutWithBackOffAndEachMessageSentOnce() throws Exception {
        OrderPlaced order = place(OrderPlaced.EntryState.PLACED, OrderPlaced.Channel.TABLE);
        String email = "patient-" + UUID.randomUUID() + "@example.com";
        String phone = newPhone();
        giveContact(diner(session), order.orderId(), Map.of("email", email, "phone", phone)).expectStatus().isOk();
        SMS.failNextSends(2, 503);

        publish("order.events", new OrderReady(order.orderId(), tenant, location, session, "kitchen", Instant.now()),
                tenant, order.orderId());

        awaitSmsTo(phone);
        Thread.sleep(1500);
        assertThat(SMS.messagesTo(phone)).hasSize(1);
        assertThat(messagesTo(email)).hasSize(1);
        String log = deliveries("?status=SENT");
        assertThat(JsonPath.<List<Integer>>read(log, "$.items[?(@.recipient == '" + phone + "')].attempts"))
                .containsExactly(3);
        assertThat(JsonPath.<List<Integer>>read(log, "$.items[?(@.recipient == '" + email + "')].attempts"))
                .containsExactly(1);
    }

    @Test
    void aMessageThatKeepsFailingIsLoggedAsFailedAndItsEventParkedOnTheDeadLetterTopic() {
        OrderPlaced order = place(OrderPlaced.EntryState.PLACED, OrderPlaced.Channel.TABLE);
        String phone = newPhone();
        giveContact(diner(session), order.orderId(), Map.of("phone", phone)).expectStatus().isOk();
        SMS.failNextSends(100, 500);
        try {
            publish("order.events", new OrderReady(order.orderId(), tenant, location, session, "kitchen",
                    Instant.now()), tenant, order.orderId());

            assertThat(TopicReader.await(kafkaServers, "order.events.DLT",
                    record -> order.orderId().toString().equals(record.key()), 1, Duration.ofSeconds(60))).isNotEmpty();
        }
        finally {
            endAnyOutage();
        }
        String log = deliveries("?status=FAILED");
        assertThat(JsonPath.<List<Integer>>read(log, "$.items[?(@.recipient == '" + phone + "')].attempts"))
                .containsExactly(4);
        assertThat(JsonPath.<List<String>>read(log, "$.items[?(@.recipient == '" + phone + "')].lastError").get(0))
                .contains("500");
        assertThat(SMS.messagesTo(phone)).isEmpty();
    }

    @Test
    void theDeliveryLogIsTheTenantsOwnAndItsOwnersAndManagersOfEveryLocationAlone() {
        OrderPlaced order = place(OrderPlaced.EntryState.PLACED, OrderPlaced.Channel.TABLE);
        String email = "logged-" + UUID.randomUUID() + "@example.com";
        giveContact(diner(session), order.orderId(), Map.of("email", email)).expectStatus().isOk();
        publish("order.events", new OrderReady(order.orderId(), tenant, location, session, "kitchen", Instant.now()),
                tenant, order.orderId());
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries("").contains(email));

        String elsewhere = http.get().uri("/api/v1/notifications/deliveries")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.user(UUID.randomUUID(), Role.OWNER).sign())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(elsewhere).doesNotContain(email);
        http.get().uri("/api/v1/notifications/deliveries")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.user(tenant, Role.STAFF).sign())
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/notifications/deliveries")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.user(tenant, Role.MANAGER)
                        .locations(location).sign())
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/notifications/deliveries?status=LOST")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.user(tenant, Role.OWNER).sign())
                .exchange().expectStatus().isBadRequest();
    }

    /** Names the location, as tenant-service does when it opens, long before its first order. */
    private void nameLocation(String name) {
        publish("tenant.events", new LocationChanged(location, tenant, name, "EUR", "Europe/Paris", 1000, true, 0,
                LocationChanged.PaymentMode.EITHER, List.of(), LocationChanged.MenuAccess.PUBLIC, false,
                LocationChanged.Status.OPEN, 1), tenant, location);
        await().atMost(Duration.ofSeconds(30)).until(() -> TenantContext.callAs(tenant,
                () -> transaction.execute(status -> orders.location(location))).isPresent());
    }

    /** An order placed, as the service knows it once it has read its {@code order.placed}. */
    private OrderPlaced place(OrderPlaced.EntryState state, OrderPlaced.Channel channel) {
        OrderPlaced placed = publishPlaced(UUID.randomUUID(), state, channel);
        await().atMost(Duration.ofSeconds(30)).until(() -> TenantContext.callAs(tenant,
                () -> transaction.execute(status -> orders.find(placed.orderId()))).isPresent());
        return placed;
    }

    private OrderPlaced publishPlaced(UUID orderId, OrderPlaced.EntryState state, OrderPlaced.Channel channel) {
        OrderPlaced placed = new OrderPlaced(orderId, tenant, location, channel,
                channel == OrderPlaced.Channel.TABLE ? UUID.randomUUID() : null, session, state, "EUR",
                List.of(new OrderPlaced.Line(UUID.randomUUID(), UUID.randomUUID(), "Margherita", 2, 950, 1900),
                        new OrderPlaced.Line(UUID.randomUUID(), UUID.randomUUID(), "Tiramisu", 1, 600, 600)),
                2500, 227, true, 0, 2500, "diner", Instant.parse("2026-12-06T18:42:00Z"));
        publish("order.events", placed, tenant, orderId);
        return placed;
    }

    private RestTestClient.ResponseSpec giveContact(String token, UUID orderId, Map<String, ?> contact) {
        return http.put().uri("/api/v1/notifications/orders/{order}/contact", orderId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(contact).exchange();
    }

    private RestTestClient.ResponseSpec read(String token, UUID orderId) {
        return http.get().uri("/api/v1/notifications/orders/{order}/contact", orderId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private String deliveries(String query) {
        return http.get().uri("/api/v1/notifications/deliveries" + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.user(tenant, Role.MANAGER).sign())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private List<String> statusesOf(String recipient) {
        return JsonPath.read(deliveries(""), "$.items[?(@.recipient == '" + recipient + "')].status");
    }

    private String diner(UUID tableSession) {
        return TestTokens.user(tenant, Role.DINER).session(tableSession.toString()).locations(location).sign();
    }

    private CapturedSms awaitSmsTo(String phone) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !SMS.messagesTo(phone).isEmpty());
        return SMS.messagesTo(phone).get(0);
    }

    private static String newPhone() {
        return "+336" + String.format("%08d", (long) (Math.random() * 100_000_000));
    }

    private static String reference(OrderPlaced order) {
        String id = order.orderId().toString();
        return id.substring(id.length() - 8).toUpperCase();
    }
}
