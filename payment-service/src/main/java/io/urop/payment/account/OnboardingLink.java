package io.urop.payment.account;

import java.time.Instant;

/** Where the owner goes to tell Stripe about the restaurant; single use, until {@code expiresAt}. */
public record OnboardingLink(String url, Instant expiresAt) {
}
