package io.urop.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.exception.RateLimitException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionListParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OutageTest {

    private static StripeEmulator emulator;
    private static StripeClient stripe;
    private static StripeClient retrying;
    private static String restaurant;

    @BeforeAll
    static void start() throws Exception {
        emulator = StripeEmulator.start();
        stripe = StripeCalls.client(emulator);
        retrying = StripeCalls.client(emulator, emulator.apiKey(), 2);
        restaurant = StripeCalls.onboardedRestaurant(stripe, emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void endOutage() {
        emulator.endOutage();
    }

    @Test
    void an_outage_surfaces_as_api_exception_without_retries_and_ends_after_the_failed_calls() throws Exception {
        emulator.failNextApiCalls(1, 503);

        assertThatThrownBy(() -> StripeCalls.session(stripe, restaurant, StripeCalls.orderSession(900, 1).build()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(503);
                    assertThat(e.getStripeError().getType()).isEqualTo("api_error");
                });
        assertThat(StripeCalls.session(stripe, restaurant, StripeCalls.orderSession(900, 1).build()).getId()).startsWith("cs_test_");
    }

    @Test
    void stripe_java_retries_what_stripe_asks_it_to_retry_with_the_same_idempotency_key() throws Exception {
        emulator.failNextApiCalls(2, 500);

        Session session = retrying.v1().checkout().sessions().create(StripeCalls.orderSession(900, 1)
                .setClientReferenceId("order-retried").build(), StripeCalls.on(restaurant));

        assertThat(session.getClientReferenceId()).isEqualTo("order-retried");
        long created = stripe.v1().checkout().sessions().list(SessionListParams.builder().setLimit(100L).build(),
                StripeCalls.on(restaurant)).getData().stream()
                .filter(s -> "order-retried".equals(s.getClientReferenceId())).count();
        assertThat(created).isEqualTo(1);
    }

    @Test
    void a_lasting_outage_outlives_the_clients_retries() {
        emulator.failApiCallsUntilReset(500, null);

        assertThatThrownBy(() -> retrying.v1().accounts().retrieve(restaurant))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(500));
        assertThatThrownBy(() -> stripe.v1().accounts().retrieve(restaurant)).isInstanceOf(ApiException.class);
    }

    @Test
    void rate_limits_and_lock_timeouts_answer_429() throws Exception {
        emulator.failNextApiCalls(1, 429);
        assertThatThrownBy(() -> stripe.v1().accounts().retrieve(restaurant))
                .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.getCode()).isEqualTo("rate_limit"));

        emulator.failNextApiCalls(1, 429, "lock_timeout");
        assertThatThrownBy(() -> stripe.v1().accounts().retrieve(restaurant))
                .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.getCode()).isEqualTo("lock_timeout"));

        emulator.failNextApiCalls(1, 429, "lock_timeout");
        assertThat(retrying.v1().accounts().retrieve(restaurant, (RequestOptions) null).getId())
                .as("Stripe-Should-Retry lets stripe-java retry a lock timeout").isEqualTo(restaurant);
    }
}
