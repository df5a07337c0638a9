package io.urop.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RefundTest {

    private static StripeEmulator emulator;
    private static StripeClient stripe;
    private static String restaurant;
    private static WebhookReceiver receiver;
    private static WebhookEndpoint endpoint;

    @BeforeAll
    static void start() throws Exception {
        emulator = StripeEmulator.start();
        stripe = StripeCalls.client(emulator);
        restaurant = StripeCalls.onboardedRestaurant(stripe, emulator);
        receiver = WebhookReceiver.start();
        endpoint = emulator.registerWebhookEndpoint(receiver.url(), true);
    }

    @AfterAll
    static void stop() {
        emulator.close();
        receiver.close();
    }

    private String paidOrder(long amount) throws Exception {
        Session session = StripeCalls.session(stripe, restaurant, StripeCalls.orderSession(amount, 1).build());
        emulator.payCheckoutSession(session.getId(), "4242424242424242");
        return stripe.v1().checkout().sessions().retrieve(session.getId(), StripeCalls.on(restaurant)).getPaymentIntent();
    }

    @Test
    void a_payment_is_refunded_in_part_then_the_rest_and_no_further() throws Exception {
        String paymentIntent = paidOrder(2500);

        Refund part = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paymentIntent)
                .setAmount(1000L).setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER).putMetadata("order_id", "42")
                .build(), StripeCalls.on(restaurant));
        assertThat(part.getId()).startsWith("re_");
        assertThat(part.getAmount()).isEqualTo(1000L);
        assertThat(part.getStatus()).isEqualTo("succeeded");
        assertThat(part.getPaymentIntent()).isEqualTo(paymentIntent);
        assertThat(part.getReason()).isEqualTo("requested_by_customer");
        assertThat(part.getMetadata()).containsEntry("order_id", "42");

        Refund rest = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paymentIntent).build(),
                StripeCalls.on(restaurant));
        assertThat(rest.getAmount()).as("without an amount, what remains").isEqualTo(1500L);

        Charge charge = stripe.v1().charges().retrieve(rest.getCharge(), StripeCalls.on(restaurant));
        assertThat(charge.getAmountRefunded()).isEqualTo(2500L);
        assertThat(charge.getRefunded()).isTrue();
        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paymentIntent)
                .setAmount(1L).build(), StripeCalls.on(restaurant)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo("charge_already_refunded");
                });

        List<Refund> listed = stripe.v1().refunds().list(RefundListParams.builder().setPaymentIntent(paymentIntent).build(),
                StripeCalls.on(restaurant)).getData();
        assertThat(listed).extracting(Refund::getId).containsExactly(rest.getId(), part.getId());
        assertThat(stripe.v1().refunds().retrieve(part.getId(), StripeCalls.on(restaurant)).getAmount()).isEqualTo(1000L);

        List<String> refundTypes = refundEventsOf(paymentIntent, 4);
        assertThat(refundTypes).containsExactlyInAnyOrder("refund.created", "charge.refunded", "refund.created", "charge.refunded");
    }

    @Test
    void more_than_what_remains_is_refused_as_amount_too_large() throws Exception {
        String paymentIntent = paidOrder(2000);
        stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paymentIntent).setAmount(1500L).build(),
                StripeCalls.on(restaurant));

        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paymentIntent)
                .setAmount(501L).build(), StripeCalls.on(restaurant)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo("amount_too_large");
                    assertThat(e.getParam()).isEqualTo("amount");
                    assertThat(e.getMessage()).contains("€5.01").contains("€5.00");
                });
        PaymentIntent unchanged = stripe.v1().paymentIntents().retrieve(paymentIntent, StripeCalls.on(restaurant));
        assertThat(stripe.v1().charges().retrieve(unchanged.getLatestCharge(), StripeCalls.on(restaurant)).getAmountRefunded())
                .isEqualTo(1500L);
        PaymentIntent listed = stripe.v1().paymentIntents().list(PaymentIntentListParams.builder()
                .addExpand("data.latest_charge").build(), StripeCalls.on(restaurant)).getData().stream()
                .filter(intent -> intent.getId().equals(paymentIntent)).findFirst().orElseThrow();
        assertThat(listed.getLatestChargeObject().getAmountRefunded()).as("the list expands each one's charge")
                .isEqualTo(1500L);
    }

    @Test
    void an_unpaid_or_unknown_payment_cannot_be_refunded() throws Exception {
        Session session = StripeCalls.session(stripe, restaurant, StripeCalls.orderSession(900, 1).build());
        emulator.payCheckoutSession(session.getId(), "4000000000000002");
        String declined = stripe.v1().paymentIntents().list(StripeCalls.on(restaurant)).getData().get(0).getId();

        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(declined).build(),
                StripeCalls.on(restaurant))).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(400));
        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent("pi_unknown").build(),
                StripeCalls.on(restaurant))).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.getCode()).isEqualTo("resource_missing"));
    }

    /** The types of the verified refund webhooks about one payment, once {@code count} have arrived. */
    private static List<String> refundEventsOf(String paymentIntent, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            List<String> types = receiver.received().stream()
                    .filter(webhook -> webhook.payload().contains("\"payment_intent\": \"" + paymentIntent + "\""))
                    .map(webhook -> verified(webhook).getType())
                    .filter(type -> type.startsWith("refund.") || type.startsWith("charge.refund"))
                    .toList();
            if (types.size() >= count || System.nanoTime() > deadline) {
                return types;
            }
            Thread.sleep(20);
        }
    }

    private static Event verified(WebhookReceiver.Received webhook) {
        try {
            return Webhook.constructEvent(webhook.payload(), webhook.signature(), endpoint.secret());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
