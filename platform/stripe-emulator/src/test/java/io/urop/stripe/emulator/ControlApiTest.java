package io.urop.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dev stack and fleet tests drive the emulator over HTTP, from another JVM. */
class ControlApiTest {

    private static StripeEmulator emulator;
    private static WebhookReceiver receiver;
    private static StripeClient stripe;
    private static String restaurant;
    private final Browser http = new Browser();

    @BeforeAll
    static void start() throws Exception {
        emulator = StripeEmulator.start();
        receiver = WebhookReceiver.start();
        stripe = StripeCalls.client(emulator);
        restaurant = StripeCalls.onboardedRestaurant(stripe, emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
        receiver.close();
    }

    private String control(String path) {
        return emulator.baseUrl() + "/_emulator/" + path;
    }

    @Test
    void a_session_is_paid_and_its_webhook_received_through_the_control_api() throws Exception {
        HttpResponse<String> registered = http.post(control("webhook_endpoints"), Map.of(
                "url", receiver.url().toString(), "secret", "whsec_devstack", "connect", "true"));
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.body()).contains("\"secret\": \"whsec_devstack\"");
        Session session = StripeCalls.session(stripe, restaurant, StripeCalls.orderSession(1500, 1).build());

        HttpResponse<String> paid = http.post(control("checkout/sessions/" + session.getId() + "/pay"),
                Map.of("card", "4242 4242 4242 4242"));

        assertThat(paid.body()).contains("\"outcome\": \"succeeded\"");
        assertThat(stripe.v1().checkout().sessions().retrieve(session.getId(), StripeCalls.on(restaurant)).getPaymentStatus())
                .isEqualTo("paid");
        receiver.await(4, Duration.ofSeconds(5));
        boolean completedReceived = false;
        for (WebhookReceiver.Received webhook : receiver.received()) {
            Event event = Webhook.constructEvent(webhook.payload(), webhook.signature(), "whsec_devstack");
            completedReceived |= event.getType().equals("checkout.session.completed");
        }
        assertThat(completedReceived).isTrue();
        assertThat(deliveryLogOnceItNames("checkout.session.completed", Duration.ofSeconds(5)))
                .contains("checkout.session.completed");
    }

    /** A delivery is logged once the endpoint has answered, a moment after the receiver saw it. */
    private String deliveryLogOnceItNames(String eventType, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String log = http.get(control("webhook_deliveries")).body();
        while (!log.contains(eventType) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            log = http.get(control("webhook_deliveries")).body();
        }
        return log;
    }

    @Test
    void declines_3d_secure_and_expiry_through_the_control_api() throws Exception {
        Session declined = StripeCalls.session(stripe, restaurant, StripeCalls.orderSession(1500, 1).build());
        assertThat(http.post(control("checkout/sessions/" + declined.getId() + "/pay"), Map.of("card", "4000000000000002")).body())
                .contains("\"outcome\": \"declined\"");

        Session challenged = StripeCalls.session(stripe, restaurant, StripeCalls.orderSession(1500, 1).build());
        assertThat(http.post(control("checkout/sessions/" + challenged.getId() + "/pay"), Map.of("card", "4000002760003184")).body())
                .contains("\"outcome\": \"requires_action\"");
        assertThat(http.post(control("checkout/sessions/" + challenged.getId() + "/authenticate"), Map.of("result", "fail")).body())
                .contains("\"outcome\": \"declined\"");

        assertThat(http.post(control("checkout/sessions/" + declined.getId() + "/expire"), Map.of()).body()).contains("\"expired\": true");
        assertThat(stripe.v1().checkout().sessions().retrieve(declined.getId(), StripeCalls.on(restaurant)).getStatus())
                .isEqualTo("expired");
        assertThat(http.post(control("checkout/sessions/cs_test_unknown/expire"), Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void an_outage_is_switched_on_and_off_through_the_control_api() throws Exception {
        assertThat(http.post(control("outage"), Map.of("status", "503")).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> stripe.v1().accounts().retrieve(restaurant)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> stripe.v1().accounts().retrieve(restaurant)).isInstanceOf(ApiException.class);

        http.post(control("outage/reset"), Map.of());

        assertThat(stripe.v1().accounts().retrieve(restaurant).getId()).isEqualTo(restaurant);
        assertThat(http.get(control("health")).body()).contains("\"status\": \"ok\"");
    }
}
