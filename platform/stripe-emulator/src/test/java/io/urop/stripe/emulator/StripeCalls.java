package io.urop.stripe.emulator;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.checkout.SessionCreateParams;

/** What payment-service does with stripe-java, pointed at an emulator. */
final class StripeCalls {

    private StripeCalls() {
    }

    static StripeClient client(StripeEmulator emulator) {
        return client(emulator, emulator.apiKey(), 0);
    }

    static StripeClient client(StripeEmulator emulator, String apiKey, int maxNetworkRetries) {
        return StripeClient.builder()
                .setApiKey(apiKey)
                .setApiBase(emulator.baseUrl())
                .setConnectBase(emulator.baseUrl())
                .setMaxNetworkRetries(maxNetworkRetries)
                .build();
    }

    static RequestOptions on(String accountId) {
        return RequestOptions.builder().setStripeAccount(accountId).build();
    }

    /** A restaurant's connected account that has finished onboarding and can take payments. */
    static String onboardedRestaurant(StripeClient stripe, StripeEmulator emulator) throws StripeException {
        Account account = stripe.v1().accounts().create(AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .setCountry("DE")
                .setEmail("owner@trattoria.example")
                .build());
        emulator.completeOnboarding(account.getId());
        return account.getId();
    }

    static SessionCreateParams.Builder orderSession(long unitAmount, long quantity) {
        return SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl("https://order.example/orders/42/paid?session={CHECKOUT_SESSION_ID}")
                .setCancelUrl("https://order.example/orders/42")
                .setClientReferenceId("order-42")
                .putMetadata("order_id", "42")
                .addLineItem(line("Margherita", "eur", unitAmount, quantity));
    }

    static SessionCreateParams.LineItem line(String name, String currency, long unitAmount, long quantity) {
        return SessionCreateParams.LineItem.builder()
                .setQuantity(quantity)
                .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                        .setCurrency(currency)
                        .setUnitAmount(unitAmount)
                        .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder().setName(name).build())
                        .build())
                .build();
    }

    static Session session(StripeClient stripe, String accountId, SessionCreateParams params) throws StripeException {
        return stripe.v1().checkout().sessions().create(params, on(accountId));
    }
}
