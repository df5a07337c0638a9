package io.urop.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.IdempotencyException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionListParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

    private static StripeEmulator emulator;
    private static StripeClient stripe;
    private static String restaurant;

    @BeforeAll
    static void start() throws Exception {
        emulator = StripeEmulator.start();
        stripe = StripeCalls.client(emulator);
        restaurant = StripeCalls.onboardedRestaurant(stripe, emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static RequestOptions keyed(String key) {
        return RequestOptions.builder().setStripeAccount(restaurant).setIdempotencyKey(key).build();
    }

    @Test
    void the_same_key_and_body_replays_the_first_answer() throws Exception {
        Session first = stripe.v1().checkout().sessions().create(StripeCalls.orderSession(900, 1).build(), keyed("order-42-pay"));
        Session replay = stripe.v1().checkout().sessions().create(StripeCalls.orderSession(900, 1).build(), keyed("order-42-pay"));

        assertThat(replay.getId()).isEqualTo(first.getId());
        assertThat(replay.getLastResponse().body()).isEqualTo(first.getLastResponse().body());
        assertThat(replay.getLastResponse().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.getLastResponse().headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(sessionsWithReference("order-42")).as("one session was created").isEqualTo(1);
    }

    @Test
    void the_same_key_with_other_parameters_is_refused() throws Exception {
        stripe.v1().checkout().sessions().create(StripeCalls.orderSession(900, 1).build(), keyed("order-43-pay"));

        assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(StripeCalls.orderSession(901, 1).build(), keyed("order-43-pay")))
                .isInstanceOfSatisfying(IdempotencyException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getStripeError().getType()).isEqualTo("idempotency_error");
                });
    }

    @Test
    void a_key_is_scoped_to_the_account() throws Exception {
        String otherRestaurant = StripeCalls.onboardedRestaurant(stripe, emulator);
        Session here = stripe.v1().checkout().sessions().create(StripeCalls.orderSession(900, 1).build(), keyed("shared-key"));
        Session there = stripe.v1().checkout().sessions().create(StripeCalls.orderSession(900, 1).build(),
                RequestOptions.builder().setStripeAccount(otherRestaurant).setIdempotencyKey("shared-key").build());

        assertThat(there.getId()).isNotEqualTo(here.getId());
    }

    @Test
    void concurrent_requests_with_one_key_create_one_session() throws Exception {
        // each request takes a while, so the later ones arrive while the first still runs (409, retried by stripe-java)
        emulator.apiLatency(Duration.ofMillis(150));
        StripeClient retrying = StripeCalls.client(emulator, emulator.apiKey(), 5);
        ExecutorService diners = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Session>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Session> tap = () -> {
                    go.await();
                    return retrying.v1().checkout().sessions().create(StripeCalls.orderSession(900, 1)
                            .setClientReferenceId("order-77").build(), keyed("order-77-pay"));
                };
                answers.add(diners.submit(tap));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Session> answer : answers) {
                ids.add(answer.get().getId());
            }
            assertThat(ids).hasSize(1);
            assertThat(sessionsWithReference("order-77")).isEqualTo(1);
        } finally {
            diners.shutdownNow();
            emulator.apiLatency(Duration.ZERO);
        }
    }

    private static long sessionsWithReference(String clientReferenceId) throws Exception {
        long count = 0;
        for (Session session : stripe.v1().checkout().sessions().list(SessionListParams.builder().setLimit(100L).build(),
                StripeCalls.on(restaurant)).autoPagingIterable()) {
            if (clientReferenceId.equals(session.getClientReferenceId())) {
                count++;
            }
        }
        return count;
    }
}
