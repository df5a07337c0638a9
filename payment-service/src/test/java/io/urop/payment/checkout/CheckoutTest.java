package io.urop.payment.checkout;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionListParams;
import io.urop.contracts.Role;
import io.urop.events.payment.PaymentExpired;
import io.urop.events.payment.PaymentSucceeded;
import io.urop.payment.PaymentServiceTest;
import io.urop.stripe.emulator.PaymentOutcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CheckoutTest extends PaymentServiceTest {

    @Test
    void aDinerPaysItsOrderWithATipOnTheRestaurantsOwnAccountAndTheOrderIsPaidOnce() throws Exception {
        String account = connectedAccount();
        Diner diner = diner();
        UUID order = orderToPay(diner, 2000);

        String checkout = checkoutOnceKnown(diner, order, "{\"tipPercent\": 10}");
        assertThat((Integer) JsonPath.read(checkout, "$.amount")).isEqualTo(2000);
        assertThat((Integer) JsonPath.read(checkout, "$.tip")).isEqualTo(200);
        assertThat((Integer) JsonPath.read(checkout, "$.total")).isEqualTo(2200);
        assertThat(body(checkout(diner, order, "{\"tipPercent\": 10}"))).as("asked again: the same checkout")
                .isEqualTo(checkout);

        String sessionId = sessionIdOf(checkout);
        Session session = stripe().v1().checkout().sessions().retrieve(sessionId,
                RequestOptions.builder().setStripeAccount(account).build());
        assertThat(session.getAmountTotal()).isEqualTo(2200);
        assertThat(session.getCurrency()).isEqualTo("eur");

        STRIPE.duplicateWebhooks(2);
        assertThat(STRIPE.payCheckoutSession(sessionId, "4242 4242 4242 4242")).isEqualTo(PaymentOutcome.SUCCEEDED);

        List<ConsumerRecord<String, String>> paid = paymentEvents(order, "payment.succeeded", 1);
        assertThat(paid).as("two deliveries of each webhook at once, one payment.succeeded").hasSize(1);
        PaymentSucceeded succeeded = codec.payload(codec.decode(paid.get(0).value()), PaymentSucceeded.class);
        assertThat(succeeded.amount()).isEqualTo(2200);
        assertThat(succeeded.orderId()).isEqualTo(order);
        assertThat(succeeded.tableSessionId()).isEqualTo(diner.session());
        assertThat(SUPERUSER.queryForObject("select application_fee from payments where order_id = ?", Long.class,
                order)).as("the platform's 2 %").isEqualTo(44);

        checkout(diner, order, "{\"tipPercent\": 10}").expectStatus().isEqualTo(409);
    }

    @Test
    void aDeclinedCardLeavesTheCheckoutOpenAndItsExpiryCancelsThePayment() {
        connectedAccount();
        Diner diner = diner();
        UUID order = orderToPay(diner, 1500);
        String sessionId = sessionIdOf(checkoutOnceKnown(diner, order, null));

        assertThat(STRIPE.payCheckoutSession(sessionId, "4000 0000 0000 0002")).isEqualTo(PaymentOutcome.DECLINED);
        assertThat(paymentEvents(order, "payment.succeeded", 0)).isEmpty();

        STRIPE.expireNow(sessionId);
        List<ConsumerRecord<String, String>> expired = paymentEvents(order, "payment.expired", 1);
        assertThat(expired).hasSize(1);
        assertThat(codec.payload(codec.decode(expired.get(0).value()), PaymentExpired.class).orderId()).isEqualTo(order);
        checkout(diner, order, null).expectStatus().isEqualTo(409);
    }

    @Test
    void aCardAskingFor3DSecurePaysOnlyOnceAuthenticatedAndAnAbandonedCheckoutRunsOutUnpaid() {
        connectedAccount();
        Diner diner = diner();
        UUID authenticated = orderToPay(diner, 1200);
        String sessionId = sessionIdOf(checkoutOnceKnown(diner, authenticated, null));

        assertThat(STRIPE.payCheckoutSession(sessionId, "4000 0027 6000 3184")).isEqualTo(PaymentOutcome.REQUIRES_ACTION);
        assertThat(STRIPE.authenticateCheckoutSession(sessionId, false)).isEqualTo(PaymentOutcome.DECLINED);
        assertThat(paymentEvents(authenticated, "payment.succeeded", 0)).as("failed authentication pays nothing").isEmpty();
        assertThat(STRIPE.payCheckoutSession(sessionId, "4000 0027 6000 3184")).isEqualTo(PaymentOutcome.REQUIRES_ACTION);
        assertThat(STRIPE.authenticateCheckoutSession(sessionId, true)).isEqualTo(PaymentOutcome.SUCCEEDED);
        assertThat(paymentEvents(authenticated, "payment.succeeded", 1)).hasSize(1);

        // the diner opens Stripe's page and goes back without paying: the checkout stays open until it runs out
        UUID abandoned = orderToPay(diner, 800);
        String abandonedSession = sessionIdOf(checkoutOnceKnown(diner, abandoned, null));
        assertThat(SUPERUSER.queryForObject("select state from payments where order_id = ?", String.class, abandoned))
                .isEqualTo("CHECKOUT_OPEN");
        STRIPE.expireNow(abandonedSession);
        assertThat(paymentEvents(abandoned, "payment.expired", 1)).hasSize(1);
        assertThat(paymentEvents(abandoned, "payment.succeeded", 0)).isEmpty();
    }

    @Test
    void anotherTipClosesTheFirstCheckoutSoThatOnlyTheNewOneCanBePaid() {
        connectedAccount();
        Diner diner = diner();
        UUID order = orderToPay(diner, 1000);
        String first = sessionIdOf(checkoutOnceKnown(diner, order, "{\"tipAmount\": 100}"));
        String second = sessionIdOf(body(checkout(diner, order, "{\"tipAmount\": 150}")));

        assertThat(second).isNotEqualTo(first);
        assertThat(STRIPE.payCheckoutSession(first, "4242424242424242")).isNotEqualTo(PaymentOutcome.SUCCEEDED);
        assertThat(STRIPE.payCheckoutSession(second, "4242424242424242")).isEqualTo(PaymentOutcome.SUCCEEDED);
        List<ConsumerRecord<String, String>> paid = paymentEvents(order, "payment.succeeded", 1);
        assertThat(codec.payload(codec.decode(paid.get(0).value()), PaymentSucceeded.class).amount()).isEqualTo(1150);
        assertThat(paymentEvents(order, "payment.expired", 0)).as("the replaced checkout's expiry ends nothing")
                .isEmpty();
    }

    @Test
    void whileStripeIsDownTheDinerIsToldToTryAgainAndTheSameRequestLaterOpensOneCheckout() throws Exception {
        String account = connectedAccount();
        Diner diner = diner();
        UUID order = orderToPay(diner, 1300);
        await().atMost(Duration.ofSeconds(20)).until(() -> SUPERUSER.queryForObject(
                "select count(*) from payments where order_id = ?", Integer.class, order) == 1);

        STRIPE.failApiCallsUntilReset(503, null);
        try {
            String refused = checkout(diner, order, "{\"tipPercent\": 5}").expectStatus().isEqualTo(503)
                    .expectHeader().exists("Retry-After")
                    .returnResult(String.class).getResponseBody();
            assertThat((String) JsonPath.read(refused, "$.detail")).contains("try again");
        }
        finally {
            STRIPE.endOutage();
        }

        String sessionId = sessionIdOf(await().atMost(Duration.ofSeconds(30)).until(
                () -> checkout(diner, order, "{\"tipPercent\": 5}").returnResult(String.class),
                result -> result.getStatus().value() == 200).getResponseBody());
        assertThat(stripe().v1().checkout().sessions().list(SessionListParams.builder().setLimit(100L).build(),
                RequestOptions.builder().setStripeAccount(account).build()).getData())
                .filteredOn(session -> order.toString().equals(session.getMetadata().get("order_id")))
                .extracting(Session::getId).as("one session, opened once Stripe was back").containsExactly(sessionId);
    }

    @Test
    void webhooksDeliveredInReverseOrderEndInTheRightState() {
        connectedAccount();
        Diner diner = diner();
        UUID order = orderToPay(diner, 900);
        String sessionId = sessionIdOf(checkoutOnceKnown(diner, order, null));

        STRIPE.holdWebhooks();
        STRIPE.payCheckoutSession(sessionId, "4000 0000 0000 0002");
        STRIPE.payCheckoutSession(sessionId, "4242 4242 4242 4242");
        STRIPE.releaseWebhooksInReverse();

        assertThat(paymentEvents(order, "payment.succeeded", 1)).hasSize(1);
        assertThat(paymentEvents(order, "payment.expired", 0)).isEmpty();
    }

    @Test
    void aRestaurantWithoutAReadyAccountTakesNoOnlinePaymentAndBadTipsAreRefused() {
        Diner diner = diner();
        UUID order = orderToPay(diner, 1000);
        await().atMost(Duration.ofSeconds(20)).until(() -> SUPERUSER.queryForObject(
                "select count(*) from payments where order_id = ?", Integer.class, order) == 1);

        String refused = checkout(diner, order, null).expectStatus().isEqualTo(409).returnResult(String.class)
                .getResponseBody();
        assertThat(refused).contains("pay at the counter");

        connectedAccount();
        checkout(diner, order, "{\"tipPercent\": 10, \"tipAmount\": 100}").expectStatus().isBadRequest();
        checkout(diner, order, "{\"tipAmount\": -1}").expectStatus().isBadRequest();
        checkout(diner, order, "{\"tipPercent\": 150}").expectStatus().isBadRequest();
        checkout(diner, order, "{\"tipAmount\": 1001}").expectStatus().isBadRequest();
        assertThat(SUPERUSER.queryForObject("select checkout_number from payments where order_id = ?", Integer.class,
                order)).as("nothing opened").isZero();
    }

    @Test
    void onlyTheOrdersOwnSessionMayPayItAndAnotherTenantsWebhookChangesNothing() throws Exception {
        connectedAccount();
        Diner diner = diner();
        UUID order = orderToPay(diner, 1000);
        checkoutOnceKnown(diner, order, null);

        checkout(diner(), order, null).expectStatus().isNotFound();
        call(member(Role.OWNER), http.post().uri("/api/v1/payments/orders/{o}/checkout", order)).expectStatus()
                .isForbidden();
        UUID paymentId = SUPERUSER.queryForObject("select id from payments where order_id = ?", UUID.class, order);

        // another tenant's account opens a session naming this tenant's payment, and pays it
        UUID ours = tenant;
        tenant = UUID.randomUUID();
        String theirs = connectedAccount();
        Session forged = stripe().v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(paymentId.toString())
                .setSuccessUrl("https://example.com/ok")
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder().setCurrency("eur")
                                .setUnitAmount(1000L).setProductData(SessionCreateParams.LineItem.PriceData.ProductData
                                        .builder().setName("Burger").build()).build()).build())
                .build(), RequestOptions.builder().setStripeAccount(theirs).build());
        STRIPE.payCheckoutSession(forged.getId(), "4242424242424242");
        await().atMost(Duration.ofSeconds(10)).until(() -> STRIPE.webhookDeliveries().stream()
                .anyMatch(delivery -> delivery.succeeded() && delivery.eventType().equals("checkout.session.completed")
                        && delivery.payload().contains(forged.getId())));

        tenant = ours;
        assertThat(paymentEvents(order, "payment.succeeded", 0)).isEmpty();
        assertThat(SUPERUSER.queryForObject("select state from payments where id = ?", String.class, paymentId))
                .isEqualTo("CHECKOUT_OPEN");
    }

}
