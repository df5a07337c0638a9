package io.urop.payment.reconciliation;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.stripe.StripeClient;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import io.urop.contracts.Role;
import io.urop.events.payment.PaymentRefunded;
import io.urop.payment.PaymentServiceTest;
import io.urop.stripe.emulator.PaymentOutcome;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@TestPropertySource(properties = {"urop.payments.reconciliation.interval=1s",
        "urop.payments.reconciliation.pending-refund=0s"})
class ReconciliationTest extends PaymentServiceTest {

    @Test
    void aPaymentWhoseWebhooksWereLostStillPaysItsOrderOnce() {
        connectedAccount();
        Diner diner = diner();
        UUID order = orderToPay(diner, 1800);
        String sessionId = sessionIdOf(checkoutOnceKnown(diner, order, null));

        STRIPE.dropNextWebhooks(100);
        assertThat(STRIPE.payCheckoutSession(sessionId, "4242424242424242")).isEqualTo(PaymentOutcome.SUCCEEDED);

        assertThat(paymentEvents(order, "payment.succeeded", 1)).hasSize(1);
        STRIPE.resetWebhookSwitches();
        STRIPE.expireNow(sessionId);
        assertThat(paymentEvents(order, "payment.succeeded", 1)).as("after more rounds, still once").hasSize(1);
    }

    @Test
    void aRefundMadeInStripesDashboardWhoseWebhookWasLostIsRecordedOnce() throws Exception {
        String account = connectedAccount();
        Diner diner = diner();
        UUID order = orderToPay(diner, 1200);
        String sessionId = sessionIdOf(checkoutOnceKnown(diner, order, null));
        STRIPE.payCheckoutSession(sessionId, "4242424242424242");
        paymentEvents(order, "payment.succeeded", 1);
        RequestOptions onAccount = RequestOptions.builder().setStripeAccount(account).build();
        String intent = stripe().v1().checkout().sessions().retrieve(sessionId, onAccount).getPaymentIntent();

        STRIPE.dropNextWebhooks(100);
        stripe().v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent).build(), onAccount);

        var refunded = paymentEvents(order, "payment.refunded", 1);
        assertThat(codec.payload(codec.decode(refunded.get(0).value()), PaymentRefunded.class).refundedTotal())
                .isEqualTo(1200);
        STRIPE.resetWebhookSwitches();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                paymentEvents(order, "payment.refunded", 1).size() == 1);
    }

    @Test
    void aRefundStripeCouldNotBeAskedAboutIsSentAgainAndRefundsOnce() throws Exception {
        String account = connectedAccount();
        Diner diner = diner();
        UUID order = orderToPay(diner, 1000);
        String sessionId = sessionIdOf(checkoutOnceKnown(diner, order, null));
        STRIPE.payCheckoutSession(sessionId, "4242424242424242");
        paymentEvents(order, "payment.succeeded", 1);
        UUID payment = SUPERUSER.queryForObject("select id from payments where order_id = ?", UUID.class, order);

        STRIPE.failApiCallsUntilReset(503, null);
        String refused = call(member(Role.MANAGER), http.post().uri("/api/v1/payments/{p}/refunds", payment)
                .header("Idempotency-Key", "k-1").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("amount", 400, "reason", "late"))).expectStatus().isEqualTo(503)
                .returnResult(String.class).getResponseBody();
        assertThat((String) JsonPath.read(refused, "$.detail")).contains("try again");
        assertThat(SUPERUSER.queryForObject("select state from refunds where payment_id = ?", String.class, payment))
                .isEqualTo("PENDING");
        STRIPE.endOutage();

        var refunded = paymentEvents(order, "payment.refunded", 1);
        assertThat(refunded).hasSize(1);
        assertThat(codec.payload(codec.decode(refunded.get(0).value()), PaymentRefunded.class).amount()).isEqualTo(400);
        RequestOptions onAccount = RequestOptions.builder().setStripeAccount(account).build();
        StripeClient stripe = stripe();
        Session session = stripe.v1().checkout().sessions().retrieve(sessionId, onAccount);
        PaymentIntent intent = stripe.v1().paymentIntents().retrieve(session.getPaymentIntent(), onAccount);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> {
            Charge charge = stripe.v1().charges().retrieve(intent.getLatestCharge(), onAccount);
            return charge.getAmountRefunded() == 400;
        });
    }
}
