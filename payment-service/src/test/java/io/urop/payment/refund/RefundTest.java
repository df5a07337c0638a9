package io.urop.payment.refund;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import io.urop.contracts.Role;
import io.urop.events.payment.PaymentRefunded;
import io.urop.payment.PaymentServiceTest;
import io.urop.stripe.emulator.PaymentOutcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RefundTest extends PaymentServiceTest {

    @Test
    void aManagerRefundsPartThenTheRestAndNeverMoreThanWasPaid() throws Exception {
        String account = connectedAccount();
        Diner diner = diner();
        UUID order = orderToPay(diner, 2000);
        String sessionId = sessionIdOf(checkoutOnceKnown(diner, order, "{\"tipAmount\": 200}"));
        STRIPE.payCheckoutSession(sessionId, "4242424242424242");
        paymentEvents(order, "payment.succeeded", 1);
        UUID payment = SUPERUSER.queryForObject("select id from payments where order_id = ?", UUID.class, order);
        String manager = member(Role.MANAGER);

        String first = refund(manager, payment, "k-1", Map.of("amount", 500, "reason", "cold fries")).expectStatus()
                .isCreated().returnResult(String.class).getResponseBody();
        assertThat((String) JsonPath.read(first, "$.state")).isEqualTo("SUCCEEDED");
        String again = refund(manager, payment, "k-1", Map.of("amount", 500, "reason", "cold fries")).expectStatus()
                .isCreated().returnResult(String.class).getResponseBody();
        assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
        refund(manager, payment, "k-1", Map.of("amount", 600, "reason", "cold fries")).expectStatus().isEqualTo(422);
        refund(manager, payment, "k-2", Map.of("amount", 1701, "reason", "too much")).expectStatus().isBadRequest();
        refund(manager, payment, "k-2", Map.of("amount", 0, "reason", "nothing")).expectStatus().isBadRequest();
        refund(manager, payment, null, Map.of("amount", 100, "reason", "no key")).expectStatus().isBadRequest();
        refund(manager, payment, "k-2", Map.of("amount", 100)).expectStatus().isBadRequest();

        String rest = refund(manager, payment, "k-3", Map.of("reason", "the whole table left")).expectStatus()
                .isCreated().returnResult(String.class).getResponseBody();
        assertThat((Integer) JsonPath.read(rest, "$.amount")).isEqualTo(1700);
        refund(manager, payment, "k-4", Map.of("reason", "once more")).expectStatus().isEqualTo(409);

        List<ConsumerRecord<String, String>> refunded = paymentEvents(order, "payment.refunded", 2);
        assertThat(refunded).extracting(r -> codec.payload(codec.decode(r.value()), PaymentRefunded.class))
                .extracting(PaymentRefunded::amount, PaymentRefunded::refundedTotal)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(500L, 500L),
                        org.assertj.core.groups.Tuple.tuple(1700L, 2200L));
        String seen = body(call(member(Role.STAFF), http.get().uri("/api/v1/payments/orders/{o}", order)));
        assertThat((String) JsonPath.read(seen, "$.id")).isEqualTo(payment.toString());
        assertThat((Integer) JsonPath.read(seen, "$.paid")).isEqualTo(2200);
        assertThat((Integer) JsonPath.read(seen, "$.refunded")).isEqualTo(2200);
        assertThat((Integer) JsonPath.read(seen, "$.refundable")).isZero();
        assertThat((List<String>) JsonPath.read(seen, "$.refunds[*].reason"))
                .containsExactly("cold fries", "the whole table left");
        String listed = body(call(manager, http.get().uri("/api/v1/payments?locationId={l}", location)));
        assertThat((List<String>) JsonPath.read(listed, "$.items[*].id")).contains(payment.toString());
        call(member(Role.KITCHEN), http.get().uri("/api/v1/payments/{p}", payment)).expectStatus().isForbidden();
        call(manager, http.get().uri("/api/v1/payments")).expectStatus().isBadRequest();

        RequestOptions onAccount = RequestOptions.builder().setStripeAccount(account).build();
        Session session = stripe().v1().checkout().sessions().retrieve(sessionId, onAccount);
        PaymentIntent intent = stripe().v1().paymentIntents().retrieve(session.getPaymentIntent(), onAccount);
        Charge charge = stripe().v1().charges().retrieve(intent.getLatestCharge(), onAccount);
        assertThat(charge.getAmountRefunded()).as("what Stripe gave back").isEqualTo(2200);
    }

    @Test
    void aRefundTheRestaurantMadeInItsStripeDashboardIsRecordedOnceAndNeverGivenTwice() throws Exception {
        String account = connectedAccount();
        Diner diner = diner();
        UUID order = orderToPay(diner, 1000);
        String sessionId = sessionIdOf(checkoutOnceKnown(diner, order, null));
        STRIPE.payCheckoutSession(sessionId, "4242424242424242");
        paymentEvents(order, "payment.succeeded", 1);
        UUID payment = SUPERUSER.queryForObject("select id from payments where order_id = ?", UUID.class, order);
        RequestOptions onAccount = RequestOptions.builder().setStripeAccount(account).build();
        String intent = stripe().v1().checkout().sessions().retrieve(sessionId, onAccount).getPaymentIntent();

        STRIPE.duplicateWebhooks(2);
        stripe().v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent).setAmount(300L)
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER).build(), onAccount);

        List<ConsumerRecord<String, String>> refunded = paymentEvents(order, "payment.refunded", 1);
        PaymentRefunded event = codec.payload(codec.decode(refunded.get(0).value()), PaymentRefunded.class);
        assertThat(event.amount()).isEqualTo(300);
        assertThat(event.reason()).isEqualTo("Refunded in Stripe: requested by customer");
        String manager = member(Role.MANAGER);
        String seen = body(call(manager, http.get().uri("/api/v1/payments/{p}", payment)));
        assertThat((Integer) JsonPath.read(seen, "$.refunded")).isEqualTo(300);
        assertThat((Integer) JsonPath.read(seen, "$.refundable")).isEqualTo(700);
        assertThat((List<String>) JsonPath.read(seen, "$.refunds[*].requestedBy")).containsExactly("stripe-dashboard");

        refund(manager, payment, "k-1", Map.of("amount", 701, "reason", "the rest and more")).expectStatus()
                .isBadRequest();
        refund(manager, payment, "k-2", Map.of("reason", "the rest")).expectStatus().isCreated()
                .expectBody().jsonPath("$.amount").isEqualTo(700);
        assertThat(paymentEvents(order, "payment.refunded", 2)).as("the dashboard's refund once, then ours")
                .hasSize(2);
    }

    @Test
    void onlyManagersOfThePaymentsTenantRefund() {
        connectedAccount();
        Diner diner = diner();
        UUID order = orderToPay(diner, 1000);
        STRIPE.payCheckoutSession(sessionIdOf(checkoutOnceKnown(diner, order, null)), "4242424242424242");
        paymentEvents(order, "payment.succeeded", 1);
        UUID payment = SUPERUSER.queryForObject("select id from payments where order_id = ?", UUID.class, order);

        refund(member(Role.STAFF), payment, "k-1", Map.of("reason", "x")).expectStatus().isForbidden();
        refund(member(Role.KITCHEN), payment, "k-1", Map.of("reason", "x")).expectStatus().isForbidden();
        refund(diner.token(), payment, "k-1", Map.of("reason", "x")).expectStatus().isForbidden();
        UUID ours = tenant;
        tenant = UUID.randomUUID();
        refund(member(Role.OWNER), payment, "k-1", Map.of("reason", "x")).expectStatus().isNotFound();
        call(member(Role.OWNER), http.get().uri("/api/v1/payments/{p}", payment)).expectStatus().isNotFound();
        call(member(Role.OWNER), http.get().uri("/api/v1/payments/orders/{o}", order)).expectStatus().isNotFound();
        assertThat(body(call(member(Role.OWNER), http.get().uri("/api/v1/payments?locationId={l}", location))))
                .doesNotContain(payment.toString());
        tenant = ours;
        assertThat(SUPERUSER.queryForObject("select count(*) from refunds where payment_id = ?", Integer.class, payment))
                .isZero();
    }

    @Test
    void aCancelledOrdersCheckoutIsClosedAndMoneyThatCameInAnywayGoesBack() throws Exception {
        String account = connectedAccount();
        Diner diner = diner();
        UUID unpaid = orderToPay(diner, 1200);
        String unpaidSession = sessionIdOf(checkoutOnceKnown(diner, unpaid, null));
        cancelled(unpaid);
        RequestOptions onAccount = RequestOptions.builder().setStripeAccount(account).build();
        await().atMost(Duration.ofSeconds(20)).until(() -> "expired".equals(
                stripe().v1().checkout().sessions().retrieve(unpaidSession, onAccount).getStatus()));
        assertThat(STRIPE.payCheckoutSession(unpaidSession, "4242424242424242")).isEqualTo(PaymentOutcome.NOT_OPEN);

        UUID paidLate = orderToPay(diner, 1500);
        String lateSession = sessionIdOf(checkoutOnceKnown(diner, paidLate, null));
        STRIPE.holdWebhooks();
        STRIPE.payCheckoutSession(lateSession, "4242424242424242");
        cancelled(paidLate);

        List<ConsumerRecord<String, String>> refunded = paymentEvents(paidLate, "payment.refunded", 1);
        PaymentRefunded back = codec.payload(codec.decode(refunded.get(0).value()), PaymentRefunded.class);
        assertThat(back.amount()).isEqualTo(1500);
        assertThat(back.automatic()).isTrue();
        STRIPE.releaseWebhooks();
        await().atMost(Duration.ofSeconds(10)).until(() -> STRIPE.webhookDeliveries().stream()
                .anyMatch(d -> d.succeeded() && d.eventType().equals("checkout.session.completed")
                        && d.payload().contains(lateSession)));
        assertThat(paymentEvents(paidLate, "payment.succeeded", 0)).as("a cancelled order is never paid").isEmpty();
        assertThat(paymentEvents(paidLate, "payment.refunded", 1)).as("refunded once").hasSize(1);
    }

    private RestTestClient.ResponseSpec refund(String token, UUID payment, String key, Map<String, Object> body) {
        RestTestClient.RequestBodySpec request = http.post().uri("/api/v1/payments/{p}/refunds", payment)
                .contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return call(token, request.body(body));
    }

}
