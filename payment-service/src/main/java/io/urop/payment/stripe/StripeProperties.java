package io.urop.payment.stripe;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How payment-service reaches Stripe and what it charges.
 *
 * @param apiKey                    the platform's secret key ({@code STRIPE_API_KEY}; a Kubernetes Secret in Helm)
 * @param apiBase                   where Stripe's API is; unset, Stripe itself ({@code https://api.stripe.com}). The
 *                                  dev stack and the tests point it at the Stripe emulator
 * @param webhookSecrets            the signing secrets a webhook may be signed with: more than one while a secret is
 *                                  rolled over
 * @param webhookTolerance          how old a webhook's signed timestamp may be
 * @param applicationFeeBasisPoints the platform's fee on each payment, in hundredths of a percent, unless the tenant
 *                                  has its own
 * @param checkoutLifetime          how long a diner has to pay a Checkout Session: Stripe wants at least 30 min from
 *                                  the moment it creates the session, so at least 31 min (the call takes time), and
 *                                  at most 24 h
 * @param timeout                   connect and read timeout of one call to Stripe
 * @param networkRetries            stripe-java's own retries of a call that may be repeated: a connection failure,
 *                                  or an answer Stripe marks {@code Stripe-Should-Retry}, with the same idempotency key
 */
@ConfigurationProperties("urop.stripe")
public record StripeProperties(
        String apiKey,
        URI apiBase,
        @DefaultValue List<String> webhookSecrets,
        @DefaultValue("300s") Duration webhookTolerance,
        @DefaultValue("200") int applicationFeeBasisPoints,
        @DefaultValue("35m") Duration checkoutLifetime,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("2") int networkRetries) {

    public StripeProperties {
        if (checkoutLifetime.compareTo(Duration.ofMinutes(31)) < 0
                || checkoutLifetime.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("urop.stripe.checkout-lifetime must be between 31 min and 24 h");
        }
        webhookSecrets = webhookSecrets == null ? List.of()
                : webhookSecrets.stream().filter(secret -> secret != null && !secret.isBlank()).toList();
    }
}
