package io.urop.stripe.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.EventListParams;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConnectOnboardingTest {

    private static StripeEmulator emulator;
    private static WebhookReceiver receiver;
    private static WebhookEndpoint connectEndpoint;
    private static StripeClient stripe;
    private final Browser browser = new Browser();

    @BeforeAll
    static void start() {
        emulator = StripeEmulator.start();
        receiver = WebhookReceiver.start();
        connectEndpoint = emulator.registerWebhookEndpoint(receiver.url(), true);
        stripe = StripeCalls.client(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
        receiver.close();
    }

    @Test
    void a_restaurant_onboarded_through_its_account_link_can_take_payments_and_the_platform_hears_of_it() throws Exception {
        Account created = stripe.v1().accounts().create(AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .setCountry("FR")
                .setEmail("chef@bistro.example")
                .putMetadata("tenant_id", "t-7")
                .build());
        assertThat(created.getId()).startsWith("acct_");
        assertThat(created.getChargesEnabled()).isFalse();
        assertThat(created.getDetailsSubmitted()).isFalse();
        assertThat(created.getDefaultCurrency()).isEqualTo("eur");
        assertThat(created.getType()).isEqualTo("express");
        assertThat(created.getMetadata()).containsEntry("tenant_id", "t-7");

        AccountLink link = stripe.v1().accountLinks().create(AccountLinkCreateParams.builder()
                .setAccount(created.getId())
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .setRefreshUrl("https://admin.example/stripe/refresh")
                .setReturnUrl("https://admin.example/stripe/done")
                .build());
        assertThat(link.getUrl()).startsWith(emulator.baseUrl());
        HttpResponse<String> page = browser.get(link.getUrl());
        assertThat(page.body()).contains("Complete onboarding").contains(created.getId());

        HttpResponse<String> completed = browser.post(link.getUrl(), Map.of());
        assertThat(completed.statusCode()).isEqualTo(303);
        assertThat(completed.headers().firstValue("Location")).hasValue("https://admin.example/stripe/done");

        Account onboarded = stripe.v1().accounts().retrieve(created.getId());
        assertThat(onboarded.getChargesEnabled()).isTrue();
        assertThat(onboarded.getPayoutsEnabled()).isTrue();
        assertThat(onboarded.getDetailsSubmitted()).isTrue();

        WebhookReceiver.Received webhook = receiver.await(1, Duration.ofSeconds(5)).get(0);
        Event event = Webhook.constructEvent(webhook.payload(), webhook.signature(), connectEndpoint.secret());
        assertThat(event.getType()).isEqualTo("account.updated");
        assertThat(event.getAccount()).isEqualTo(created.getId());
        assertThat(event.getApiVersion()).isEqualTo(com.stripe.Stripe.API_VERSION);
        Account fromEvent = (Account) event.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(fromEvent.getChargesEnabled()).isTrue();
        assertThat(webhook.contentType()).isEqualTo("application/json; charset=utf-8");

        List<Event> events = stripe.v1().events().list(EventListParams.builder().setType("account.updated").build(),
                StripeCalls.on(created.getId())).getData();
        assertThat(events).extracting(Event::getId).containsExactly(event.getId());

        HttpResponse<String> reused = browser.post(link.getUrl(), Map.of());
        assertThat(reused.headers().firstValue("Location")).as("a used link leads to refresh_url")
                .hasValue("https://admin.example/stripe/refresh");
    }
}
