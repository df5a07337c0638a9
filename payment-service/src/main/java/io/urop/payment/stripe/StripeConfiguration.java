package io.urop.payment.stripe;

import com.stripe.StripeClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** stripe-java's client, the one instance every call uses; never Stripe's static global API. */
@Configuration(proxyBeanMethods = false)
class StripeConfiguration {

    @Bean
    StripeClient stripeClient(StripeProperties properties) {
        if (properties.apiKey() == null || properties.apiKey().isBlank()) {
            throw new IllegalStateException("urop.stripe.api-key (STRIPE_API_KEY) is not set");
        }
        int timeout = Math.toIntExact(properties.timeout().toMillis());
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(properties.apiKey())
                .setConnectTimeout(timeout)
                .setReadTimeout(timeout)
                .setMaxNetworkRetries(properties.networkRetries());
        if (properties.apiBase() != null && !properties.apiBase().toString().isBlank()) {
            String base = properties.apiBase().toString().replaceAll("/+$", "");
            builder.setApiBase(base).setConnectBase(base).setFilesBase(base);
        }
        return builder.build();
    }
}
