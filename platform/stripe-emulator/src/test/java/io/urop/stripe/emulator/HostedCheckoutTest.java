package io.urop.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HostedCheckoutTest {

    private static StripeEmulator emulator;
    private static WebhookReceiver receiver;
    private static WebhookEndpoint endpoint;
    private static StripeClient stripe;
    private static String restaurant;
    private final Browser browser = new Browser();

    @BeforeAll
    static void start() throws Exception {
        emulator = StripeEmulator.start();
        receiver = WebhookReceiver.start();
        stripe = StripeCalls.client(emulator);
        restaurant = StripeCalls.onboardedRestaurant(stripe, emulator);
        endpoint = emulator.registerWebhookEndpoint(receiver.url(), true);
    }

    @AfterAll
    static void stop() {
        emulator.close();
        receiver.close();
    }

    @BeforeEach
    void forgetWebhooks() {
        receiver.clear();
    }

    private Session newSession() throws Exception {
        return StripeCalls.session(stripe, restaurant, StripeCalls.orderSession(1250, 2)
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .setApplicationFeeAmount(75L)
                        .putMetadata("order_id", "42")
                        .build())
                .build());
    }

    @Test
    void the_page_shows_the_merchant_the_amount_a_labelled_card_form_and_a_way_back() throws Exception {
        Session session = newSession();

        String page = browser.get(session.getUrl()).body();

        assertThat(page).contains("owner@trattoria.example").contains("€25.00")
                .contains("<label for=\"card_number\">Card number</label>")
                .contains("<label for=\"card_expiry\">").contains("<label for=\"card_cvc\">")
                .contains("<label for=\"cardholder_name\">Name on card</label>")
                .contains("href=\"https://order.example/orders/42\"");
    }

    @Test
    void paying_with_4242_completes_the_session_and_sends_verifiable_webhooks() throws Exception {
        Session session = newSession();
        assertThat(session.getId()).startsWith("cs_test_");
        assertThat(session.getStatus()).isEqualTo("open");
        assertThat(session.getPaymentIntent()).isNull();

        HttpResponse<String> paid = browser.payWithCard(session.getUrl(), "4242 4242 4242 4242");

        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location"))
                .hasValue("https://order.example/orders/42/paid?session=" + session.getId());
        Session completed = stripe.v1().checkout().sessions().retrieve(session.getId(), StripeCalls.on(restaurant));
        assertThat(completed.getStatus()).isEqualTo("complete");
        assertThat(completed.getPaymentStatus()).isEqualTo("paid");
        assertThat(completed.getAmountTotal()).isEqualTo(2500L);
        assertThat(completed.getPaymentIntent()).startsWith("pi_");
        PaymentIntent paymentIntent = stripe.v1().paymentIntents().retrieve(completed.getPaymentIntent(),
                PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build(), StripeCalls.on(restaurant));
        assertThat(paymentIntent.getStatus()).isEqualTo("succeeded");
        assertThat(paymentIntent.getAmountReceived()).isEqualTo(2500L);
        assertThat(paymentIntent.getApplicationFeeAmount()).isEqualTo(75L);
        assertThat(paymentIntent.getMetadata()).containsEntry("order_id", "42");
        Charge charge = paymentIntent.getLatestChargeObject();
        assertThat(charge.getId()).startsWith("ch_");
        assertThat(charge.getStatus()).isEqualTo("succeeded");
        assertThat(charge.getPaymentIntent()).isEqualTo(paymentIntent.getId());

        List<Event> events = verifiedEvents(4);
        assertThat(events).extracting(Event::getType).contains("payment_intent.succeeded", "charge.succeeded",
                "checkout.session.completed");
        Event completedEvent = events.stream().filter(e -> e.getType().equals("checkout.session.completed")).findFirst().orElseThrow();
        assertThat(completedEvent.getAccount()).isEqualTo(restaurant);
        StripeObject object = completedEvent.getDataObjectDeserializer().getObject().orElseThrow();
        Session fromEvent = (Session) object;
        assertThat(fromEvent.getId()).isEqualTo(session.getId());
        assertThat(fromEvent.getClientReferenceId()).isEqualTo("order-42");
        assertThat(fromEvent.getMetadata()).containsEntry("order_id", "42");
        assertThat(fromEvent.getPaymentIntent()).isEqualTo(paymentIntent.getId());

        assertThat(browser.get(session.getUrl()).body()).contains("already paid").doesNotContain("name=\"card_number\"");
        assertThat(browser.payWithCardUnchecked(session.getUrl(), "4242424242424242").statusCode())
                .as("a paid session's page charges nothing more").isEqualTo(200);
        assertThat(stripe.v1().charges().list(com.stripe.param.ChargeListParams.builder()
                .setPaymentIntent(paymentIntent.getId()).build(), StripeCalls.on(restaurant)).getData()).hasSize(1);
    }

    @Test
    void a_declined_card_keeps_the_page_open_and_records_the_failure() throws Exception {
        Session session = newSession();

        HttpResponse<String> declined = browser.payWithCard(session.getUrl(), "4000 0000 0000 0002");

        assertThat(declined.statusCode()).isEqualTo(200);
        assertThat(declined.body()).contains("Your card was declined.").contains("name=\"card_number\"");
        Session stillOpen = stripe.v1().checkout().sessions().retrieve(session.getId(), StripeCalls.on(restaurant));
        assertThat(stillOpen.getStatus()).isEqualTo("open");
        assertThat(stillOpen.getPaymentStatus()).isEqualTo("unpaid");
        List<Event> events = verifiedEvents(3);
        Event failed = events.stream().filter(e -> e.getType().equals("payment_intent.payment_failed")).findFirst().orElseThrow();
        PaymentIntent paymentIntent = (PaymentIntent) failed.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(paymentIntent.getStatus()).isEqualTo("requires_payment_method");
        assertThat(paymentIntent.getLastPaymentError().getCode()).isEqualTo("card_declined");
        assertThat(paymentIntent.getLastPaymentError().getDeclineCode()).isEqualTo("generic_decline");

        HttpResponse<String> paidOnSecondTry = browser.payWithCard(session.getUrl(), "4242424242424242");
        assertThat(paidOnSecondTry.statusCode()).isEqualTo(303);
        Session paid = stripe.v1().checkout().sessions().retrieve(session.getId(), StripeCalls.on(restaurant));
        assertThat(paid.getPaymentIntent()).as("the same payment intent, now succeeded").isEqualTo(paymentIntent.getId());
    }

    @Test
    void a_3d_secure_card_pays_once_authentication_is_completed() throws Exception {
        Session session = newSession();

        HttpResponse<String> challenge = browser.payWithCard(session.getUrl(), "4000002760003184");

        assertThat(challenge.body()).contains("Complete authentication").contains("Fail authentication");
        assertThat(stripe.v1().checkout().sessions().retrieve(session.getId(), StripeCalls.on(restaurant)).getStatus())
                .isEqualTo("open");
        HttpResponse<String> authenticated = browser.post(session.getUrl() + "/authenticate", Map.of("result", "complete"));
        assertThat(authenticated.statusCode()).isEqualTo(303);
        Session paid = stripe.v1().checkout().sessions().retrieve(session.getId(), StripeCalls.on(restaurant));
        assertThat(paid.getPaymentStatus()).isEqualTo("paid");
    }

    @Test
    void a_failed_3d_secure_challenge_declines_like_a_declined_card() throws Exception {
        Session session = newSession();
        browser.payWithCard(session.getUrl(), "4000 0027 6000 3184");

        HttpResponse<String> failed = browser.post(session.getUrl() + "/authenticate", Map.of("result", "fail"));

        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.body()).contains("unable to authenticate").contains("name=\"card_number\"");
        Session stillOpen = stripe.v1().checkout().sessions().retrieve(session.getId(), StripeCalls.on(restaurant));
        assertThat(stillOpen.getStatus()).isEqualTo("open");
        List<Event> events = verifiedEvents(3);
        assertThat(events).extracting(Event::getType).contains("payment_intent.payment_failed");
    }

    @Test
    void an_expired_session_page_says_so_and_charges_nothing() throws Exception {
        Session session = newSession();
        Session expired = stripe.v1().checkout().sessions().expire(session.getId(), StripeCalls.on(restaurant));
        assertThat(expired.getStatus()).isEqualTo("expired");
        assertThat(expired.getUrl()).isNull();

        HttpResponse<String> page = browser.get(session.getUrl());
        assertThat(page.body()).contains("has expired").doesNotContain("name=\"card_number\"");
        HttpResponse<String> attempt = browser.payWithCardUnchecked(session.getUrl(), "4242424242424242");
        assertThat(attempt.statusCode()).isEqualTo(200);
        assertThat(stripe.v1().checkout().sessions().retrieve(session.getId(), StripeCalls.on(restaurant)).getPaymentStatus())
                .isEqualTo("unpaid");
        List<Event> events = verifiedEvents(1);
        assertThat(events).extracting(Event::getType).containsExactly("checkout.session.expired");
        assertThat(stripe.v1().events().list(EventListParams.builder().setType("checkout.session.expired").build(),
                StripeCalls.on(restaurant)).getData()).extracting(Event::getId).contains(events.get(0).getId());
    }

    /** Waits for {@code count} webhooks and checks each one's signature as payment-service will. */
    private List<Event> verifiedEvents(int count) throws Exception {
        List<WebhookReceiver.Received> received = receiver.await(count, Duration.ofSeconds(5));
        List<Event> events = new java.util.ArrayList<>();
        for (WebhookReceiver.Received webhook : received) {
            events.add(Webhook.constructEvent(webhook.payload(), webhook.signature(), endpoint.secret()));
        }
        return events;
    }
}
