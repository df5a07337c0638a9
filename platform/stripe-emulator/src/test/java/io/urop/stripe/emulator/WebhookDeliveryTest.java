package io.urop.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.stripe.param.EventListParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

    private static final int MAX_ATTEMPTS = 4;

    private final AdjustableClock clock = new AdjustableClock();
    private StripeEmulator emulator;
    private WebhookReceiver receiver;
    private WebhookEndpoint endpoint;
    private StripeClient stripe;

    @BeforeEach
    void start() {
        emulator = StripeEmulator.start(EmulatorSettings.defaults().clock(clock)
                .webhookRetries(Duration.ofMillis(40), Duration.ofMillis(120), MAX_ATTEMPTS));
        receiver = WebhookReceiver.start();
        endpoint = emulator.registerWebhookEndpoint(receiver.url(), "whsec_platform_test_secret", false);
        stripe = StripeCalls.client(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    /** An event on the platform account: an open session expired. */
    private String expiredSessionEvent() throws Exception {
        var session = stripe.v1().checkout().sessions().create(StripeCalls.orderSession(900, 1).build());
        emulator.expireNow(session.getId());
        return stripe.v1().events().list(EventListParams.builder().setType("checkout.session.expired").setLimit(1L).build())
                .getData().get(0).getId();
    }

    private Event verified(WebhookReceiver.Received webhook) throws SignatureVerificationException {
        return Webhook.constructEvent(webhook.payload(), webhook.signature(), endpoint.secret());
    }

    @Test
    void the_signature_is_stripes_so_another_secret_or_an_old_timestamp_is_rejected() throws Exception {
        String eventId = expiredSessionEvent();
        WebhookReceiver.Received webhook = receiver.await(1, Duration.ofSeconds(5)).get(0);

        assertThat(webhook.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(verified(webhook).getId()).isEqualTo(eventId);
        assertThat(verified(webhook).getAccount()).as("a platform event names no connected account").isNull();
        assertThat(verified(webhook).getDataObjectDeserializer().getObject()).isPresent();
        assertThatThrownBy(() -> Webhook.constructEvent(webhook.payload(), webhook.signature(), "whsec_someone_else"))
                .isInstanceOf(SignatureVerificationException.class);
        assertThatThrownBy(() -> Webhook.constructEvent(webhook.payload().replace("order-42", "order-43"),
                webhook.signature(), endpoint.secret())).isInstanceOf(SignatureVerificationException.class);

        clock.advance(Duration.ofMinutes(-10));
        expiredSessionEvent();
        WebhookReceiver.Received late = receiver.await(2, Duration.ofSeconds(5)).get(1);
        assertThatThrownBy(() -> verified(late)).as("signed ten minutes ago, beyond the 300 s tolerance")
                .isInstanceOf(SignatureVerificationException.class).hasMessageContaining("tolerance");
    }

    @Test
    void connect_events_go_to_connect_endpoints_only() throws Exception {
        WebhookReceiver connectReceiver = WebhookReceiver.start();
        try {
            emulator.registerWebhookEndpoint(connectReceiver.url(), true);
            String restaurant = StripeCalls.onboardedRestaurant(stripe, emulator);

            connectReceiver.await(1, Duration.ofSeconds(5));
            expiredSessionEvent();
            receiver.await(1, Duration.ofSeconds(5));
            Thread.sleep(100);

            assertThat(connectReceiver.received()).hasSize(1);
            assertThat(connectReceiver.received().get(0).payload()).contains("\"account\": \"" + restaurant + "\"");
            assertThat(receiver.received()).hasSize(1);
            assertThat(receiver.received().get(0).payload()).contains("checkout.session.expired");
        } finally {
            connectReceiver.close();
        }
    }

    @Test
    void a_webhook_is_retried_until_the_receiver_answers_2xx() throws Exception {
        receiver.answer(request -> request <= 2 ? 500 : 200);

        String eventId = expiredSessionEvent();

        List<WebhookReceiver.Received> received = receiver.await(3, Duration.ofSeconds(5));
        assertThat(received).extracting(WebhookReceiver.Received::payload).containsOnly(received.get(0).payload());
        assertThat(verified(received.get(2)).getId()).isEqualTo(eventId);
        assertThat(emulator.awaitWebhookDelivery(d -> d.eventId().equals(eventId) && d.succeeded(), Duration.ofSeconds(2)))
                .hasValueSatisfying(delivery -> assertThat(delivery.attempt()).isEqualTo(3));
        assertThat(emulator.webhookDeliveries()).extracting(WebhookDelivery::status).containsExactly(500, 500, 200);
        Thread.sleep(300);
        assertThat(receiver.received()).as("no attempt after a 2xx").hasSize(3);
    }

    @Test
    void a_receiver_that_never_answers_2xx_gets_the_configured_number_of_attempts() throws Exception {
        receiver.answer(request -> 503);

        expiredSessionEvent();

        receiver.await(MAX_ATTEMPTS, Duration.ofSeconds(5));
        Thread.sleep(400);
        assertThat(receiver.received()).hasSize(MAX_ATTEMPTS);
    }

    @Test
    void duplicated_webhooks_arrive_several_times_with_one_event_id() throws Exception {
        emulator.duplicateWebhooks(3);

        String eventId = expiredSessionEvent();

        List<WebhookReceiver.Received> received = receiver.await(3, Duration.ofSeconds(5));
        List<String> ids = new ArrayList<>();
        for (WebhookReceiver.Received webhook : received) {
            ids.add(verified(webhook).getId());
        }
        assertThat(ids).containsExactly(eventId, eventId, eventId);
    }

    @Test
    void held_webhooks_released_in_reverse_arrive_newest_first() throws Exception {
        emulator.holdWebhooks();
        String first = expiredSessionEvent();
        String second = expiredSessionEvent();
        String third = expiredSessionEvent();
        Thread.sleep(150);
        assertThat(receiver.received()).as("nothing while held").isEmpty();

        emulator.releaseWebhooksInReverse();

        List<String> ids = new ArrayList<>();
        for (WebhookReceiver.Received webhook : receiver.await(3, Duration.ofSeconds(5))) {
            ids.add(verified(webhook).getId());
        }
        assertThat(ids).containsExactly(third, second, first);
    }

    @Test
    void a_dropped_webhook_never_arrives_but_its_event_can_be_listed() throws Exception {
        emulator.dropNextWebhooks(1);

        String lost = expiredSessionEvent();
        String delivered = expiredSessionEvent();

        assertThat(verified(receiver.await(1, Duration.ofSeconds(5)).get(0)).getId()).isEqualTo(delivered);
        Thread.sleep(150);
        assertThat(receiver.received()).hasSize(1);
        assertThat(emulator.webhookDeliveries()).filteredOn(WebhookDelivery::dropped)
                .extracting(WebhookDelivery::eventId).containsExactly(lost);
        assertThat(stripe.v1().events().list(EventListParams.builder().setType("checkout.session.expired").build()).getData())
                .extracting(Event::getId).containsExactly(delivered, lost);
    }

    @Test
    void delayed_webhooks_arrive_after_the_delay() throws Exception {
        emulator.delayWebhooks(Duration.ofMillis(400));
        long before = System.nanoTime();

        expiredSessionEvent();

        receiver.await(1, Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void a_paused_stream_sends_nothing_until_resumed_then_everything_in_order() throws Exception {
        emulator.pauseWebhooks();
        String first = expiredSessionEvent();
        String second = expiredSessionEvent();
        Thread.sleep(150);
        assertThat(receiver.received()).isEmpty();

        emulator.resumeWebhooks();

        List<String> ids = new ArrayList<>();
        for (WebhookReceiver.Received webhook : receiver.await(2, Duration.ofSeconds(5))) {
            ids.add(verified(webhook).getId());
        }
        assertThat(ids).containsExactly(first, second);
    }
}
