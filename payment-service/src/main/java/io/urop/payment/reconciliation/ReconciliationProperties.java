package io.urop.payment.reconciliation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often payment-service compares its payments with Stripe's.
 *
 * @param interval      between rounds (the first comes one interval after start)
 * @param lookback      how far back checkout sessions are listed: a session lives at most 24 h
 * @param pendingRefund how long a refund may wait for Stripe's answer before it is sent again
 */
@ConfigurationProperties("urop.payments.reconciliation")
public record ReconciliationProperties(
        @DefaultValue("5m") Duration interval,
        @DefaultValue("25h") Duration lookback,
        @DefaultValue("1m") Duration pendingRefund) {
}
