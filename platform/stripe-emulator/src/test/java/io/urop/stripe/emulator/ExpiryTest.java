package io.urop.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.EventListParams;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExpiryTest {

    private static final AdjustableClock clock = new AdjustableClock();
    private static StripeEmulator emulator;
    private static StripeClient stripe;
    private static String restaurant;

    @BeforeAll
    static void start() throws Exception {
        emulator = StripeEmulator.start(EmulatorSettings.defaults().clock(clock).expirySweepInterval(Duration.ofMillis(50)));
        stripe = StripeCalls.client(emulator);
        restaurant = StripeCalls.onboardedRestaurant(stripe, emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void an_open_session_expires_once_its_expires_at_has_passed() throws Exception {
        Session shortLived = StripeCalls.session(stripe, restaurant, StripeCalls.orderSession(900, 1)
                .setExpiresAt(Instant.now(clock).plus(Duration.ofMinutes(31)).getEpochSecond()).build());
        Session longLived = StripeCalls.session(stripe, restaurant, StripeCalls.orderSession(900, 1).build());

        clock.advance(Duration.ofMinutes(32));
        Thread.sleep(300);

        assertThat(stripe.v1().checkout().sessions().retrieve(shortLived.getId(), StripeCalls.on(restaurant)).getStatus())
                .isEqualTo("expired");
        assertThat(stripe.v1().checkout().sessions().retrieve(longLived.getId(), StripeCalls.on(restaurant)).getStatus())
                .isEqualTo("open");
        List<Event> expired = stripe.v1().events().list(EventListParams.builder().setType("checkout.session.expired").build(),
                StripeCalls.on(restaurant)).getData();
        assertThat(expired).hasSize(1);
        assertThat(((Session) expired.get(0).getDataObjectDeserializer().getObject().orElseThrow()).getId())
                .isEqualTo(shortLived.getId());
        assertThat(emulator.payCheckoutSession(shortLived.getId(), "4242424242424242")).isEqualTo(PaymentOutcome.NOT_OPEN);
    }

    @Test
    void an_idempotency_key_is_forgotten_after_24_hours() throws Exception {
        RequestOptions keyed = RequestOptions.builder().setStripeAccount(restaurant).setIdempotencyKey("daily-key").build();
        Session first = stripe.v1().checkout().sessions().create(StripeCalls.orderSession(900, 1).build(), keyed);

        clock.advance(Duration.ofHours(25));
        Session next = stripe.v1().checkout().sessions().create(StripeCalls.orderSession(1900, 1).build(), keyed);

        assertThat(next.getId()).isNotEqualTo(first.getId());
        assertThat(next.getLastResponse().headers().firstValue("Idempotent-Replayed")).isEmpty();
    }
}
