package io.urop.events.payment;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.IntegrationEvent;

/**
 * Whether a restaurant's diners can pay online changed: its Stripe account was connected ({@code takesPayments}
 * false until Stripe enables charges), enabled, or disabled. Until it takes payments, a diner's order that would be
 * paid as it is placed is paid at the counter instead. Produced by payment-service, keyed by the tenant id.
 */
@IntegrationEvent(type = "payment.merchant-account-changed", version = 1)
public record MerchantAccountChanged(UUID tenantId, String stripeAccountId, boolean takesPayments, Instant changedAt) {
}
