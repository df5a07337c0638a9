package io.urop.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.model.Account;
import com.stripe.model.LineItem;
import com.stripe.model.checkout.Session;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionListParams;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CheckoutSessionApiTest {

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

    @Test
    void a_session_carries_what_payment_service_sent() throws Exception {
        long expiresAt = Instant.now().plusSeconds(3600).getEpochSecond();
        Session session = StripeCalls.session(stripe, restaurant, StripeCalls.orderSession(900, 1)
                .addLineItem(StripeCalls.line("Tiramisù", "eur", 650, 2))
                .setExpiresAt(expiresAt)
                .setCustomerEmail("ada@diner.example")
                .setLocale(SessionCreateParams.Locale.IT)
                .build());

        assertThat(session.getObject()).isEqualTo("checkout.session");
        assertThat(session.getLivemode()).isFalse();
        assertThat(session.getAmountSubtotal()).isEqualTo(2200L);
        assertThat(session.getAmountTotal()).isEqualTo(2200L);
        assertThat(session.getCurrency()).isEqualTo("eur");
        assertThat(session.getMode()).isEqualTo("payment");
        assertThat(session.getExpiresAt()).isEqualTo(expiresAt);
        assertThat(session.getClientReferenceId()).isEqualTo("order-42");
        assertThat(session.getCustomerEmail()).isEqualTo("ada@diner.example");
        assertThat(session.getLocale()).isEqualTo("it");
        assertThat(session.getMetadata()).containsEntry("order_id", "42");
        assertThat(session.getSuccessUrl()).contains("{CHECKOUT_SESSION_ID}");
        assertThat(session.getCreated()).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
        assertThat(session.getUrl()).isEqualTo(emulator.baseUrl() + "/checkout/" + session.getId());

        List<LineItem> lines = stripe.v1().checkout().sessions().lineItems()
                .list(session.getId(), StripeCalls.on(restaurant)).getData();
        assertThat(lines).extracting(LineItem::getDescription).containsExactly("Margherita", "Tiramisù");
        assertThat(lines).extracting(LineItem::getAmountTotal).containsExactly(900L, 1300L);
        assertThat(lines.get(1).getPrice().getUnitAmount()).isEqualTo(650L);
        assertThat(lines.get(1).getQuantity()).isEqualTo(2L);
    }

    @Test
    void invalid_sessions_are_refused_with_the_parameter_at_fault() {
        assertInvalid(StripeCalls.orderSession(900, 1).addLineItem(StripeCalls.line("Beer", "usd", 500, 1)).build(),
                "line_items[1][price_data][currency]", "same currency");
        assertInvalid(SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .addLineItem(StripeCalls.line("Pizza", "eur", 900, 1)).build(), "success_url", "Missing required param");
        assertInvalid(StripeCalls.orderSession(900, 1).setExpiresAt(Instant.now().plusSeconds(600).getEpochSecond()).build(),
                "expires_at", "30 minutes");
        assertInvalid(StripeCalls.orderSession(900, 1).setExpiresAt(Instant.now().plusSeconds(25 * 3600).getEpochSecond()).build(),
                "expires_at", "24 hours");
        assertInvalid(SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl("https://order.example/ok").build(), "line_items", "Missing required param");
    }

    private void assertInvalid(SessionCreateParams params, String param, String message) {
        assertThatThrownBy(() -> StripeCalls.session(stripe, restaurant, params))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getParam()).isEqualTo(param);
                    assertThat(e.getStripeError().getType()).isEqualTo("invalid_request_error");
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void an_account_that_has_not_finished_onboarding_cannot_take_payments() throws Exception {
        Account pending = stripe.v1().accounts().create(AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS).setCountry("DE").build());

        assertThatThrownBy(() -> StripeCalls.session(stripe, pending.getId(), StripeCalls.orderSession(900, 1).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("charges_enabled");
                });
    }

    @Test
    void another_account_cannot_see_a_restaurants_session() throws Exception {
        Session session = StripeCalls.session(stripe, restaurant, StripeCalls.orderSession(900, 1).build());
        String otherRestaurant = StripeCalls.onboardedRestaurant(stripe, emulator);

        assertThatThrownBy(() -> stripe.v1().checkout().sessions().retrieve(session.getId(), StripeCalls.on(otherRestaurant)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getStripeError().getMessage()).isEqualTo("No such checkout.session: '" + session.getId() + "'");
                });
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().retrieve(session.getId()))
                .as("nor can the platform without Stripe-Account").isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void a_wrong_api_key_or_an_unknown_account_is_refused() throws Exception {
        StripeClient wrongKey = StripeCalls.client(emulator, "sk_test_not_the_right_one", 0);
        assertThatThrownBy(() -> wrongKey.v1().accounts().retrieve(restaurant))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.getStatusCode()).isEqualTo(401));

        assertThatThrownBy(() -> StripeCalls.session(stripe, "acct_unknown", StripeCalls.orderSession(900, 1).build()))
                .isInstanceOf(PermissionException.class);
    }

    @Test
    void more_than_a_hundred_sessions_are_walked_page_by_page_newest_first() throws Exception {
        String busyRestaurant = StripeCalls.onboardedRestaurant(stripe, emulator);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            created.add(StripeCalls.session(stripe, busyRestaurant, StripeCalls.orderSession(100 + i, 1).build()).getId());
        }

        var firstPage = stripe.v1().checkout().sessions().list(SessionListParams.builder().setLimit(100L).build(),
                StripeCalls.on(busyRestaurant));
        assertThat(firstPage.getData()).hasSize(100);
        assertThat(firstPage.getHasMore()).isTrue();
        assertThat(firstPage.getUrl()).isEqualTo("/v1/checkout/sessions");
        List<String> walked = new ArrayList<>();
        for (Session session : firstPage.autoPagingIterable()) {
            walked.add(session.getId());
        }
        List<String> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertThat(walked).containsExactlyElementsOf(newestFirst);

        var defaultPage = stripe.v1().checkout().sessions().list(SessionListParams.builder().build(), StripeCalls.on(busyRestaurant));
        assertThat(defaultPage.getData()).hasSize(10);
        var before = stripe.v1().checkout().sessions().list(SessionListParams.builder().setLimit(3L)
                .setEndingBefore(newestFirst.get(5)).build(), StripeCalls.on(busyRestaurant));
        assertThat(before.getData()).extracting(Session::getId).containsExactlyElementsOf(newestFirst.subList(2, 5));
        Set<String> open = new HashSet<>();
        stripe.v1().checkout().sessions().list(SessionListParams.builder().setStatus(SessionListParams.Status.OPEN).setLimit(100L).build(),
                StripeCalls.on(busyRestaurant)).autoPagingIterable().forEach(s -> open.add(s.getId()));
        assertThat(open).hasSize(105);
        var none = stripe.v1().checkout().sessions().list(SessionListParams.builder().setStatus(SessionListParams.Status.COMPLETE).build(),
                StripeCalls.on(busyRestaurant));
        assertThat(none.getData()).isEmpty();
        assertThat(none.getHasMore()).isFalse();
    }

    @Test
    void a_paid_session_is_found_by_its_payment_intent() throws Exception {
        Session session = StripeCalls.session(stripe, restaurant, StripeCalls.orderSession(900, 1).build());
        assertThat(emulator.payCheckoutSession(session.getId(), "4242424242424242")).isEqualTo(PaymentOutcome.SUCCEEDED);
        String paymentIntent = stripe.v1().checkout().sessions().retrieve(session.getId(), StripeCalls.on(restaurant)).getPaymentIntent();

        List<Session> found = stripe.v1().checkout().sessions().list(SessionListParams.builder()
                .setPaymentIntent(paymentIntent).build(), StripeCalls.on(restaurant)).getData();

        assertThat(found).extracting(Session::getId).containsExactly(session.getId());
        assertThat(stripe.v1().paymentIntents().retrieve(paymentIntent, StripeCalls.on(restaurant)).getAmount()).isEqualTo(900L);
    }

    @Test
    void only_an_open_session_can_be_expired() throws Exception {
        Session session = StripeCalls.session(stripe, restaurant, StripeCalls.orderSession(900, 1).build());
        emulator.payCheckoutSession(session.getId(), "4242424242424242");

        assertThatThrownBy(() -> stripe.v1().checkout().sessions().expire(session.getId(), StripeCalls.on(restaurant)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getMessage()).contains("\"complete\""));
    }
}
