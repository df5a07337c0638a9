package io.urop.payment.reconciliation;

import java.time.Clock;
import java.time.Instant;

import com.stripe.exception.StripeException;
import io.urop.payment.checkout.SessionOutcomes;
import io.urop.payment.refund.Refunding;
import io.urop.payment.refund.RefundsMadeAtStripe;
import io.urop.payment.stripe.StripeUnavailable;
import io.urop.tenancy.RecurringJob;
import io.urop.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Repairs, every {@link ReconciliationProperties#interval()}, what a lost webhook or a crash left behind: each
 * restaurant's recent checkout sessions, as Stripe lists them, are applied to their payments (a session paid without
 * its webhook pays its order; one paid after its order was cancelled is refunded); its recent refunds made in Stripe's
 * Dashboard and not recorded here are recorded, read back through their payment intents; and refunds Stripe never
 * answered are sent again under their own idempotency keys. What it finds is logged; one account or refund that fails does not
 * stop the round. Instances may overlap: everything it does is idempotent.
 */
@Component
class Reconciliation extends RecurringJob {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final ReconciliationScope scope;
    private final SessionOutcomes outcomes;
    private final Refunding refunding;
    private final RefundsMadeAtStripe refundsMadeAtStripe;
    private final ReconciliationProperties properties;
    private final Clock clock;

    Reconciliation(ReconciliationScope scope, SessionOutcomes outcomes, Refunding refunding,
            RefundsMadeAtStripe refundsMadeAtStripe, ReconciliationProperties properties, Clock clock) {
        super("reconciliation with Stripe", properties.interval(), properties.interval());
        this.scope = scope;
        this.outcomes = outcomes;
        this.refunding = refunding;
        this.refundsMadeAtStripe = refundsMadeAtStripe;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void runRound() {
        Instant now = clock.instant();
        Instant pendingSince = now.minus(properties.pendingRefund());
        for (ReconciliationScope.PendingRefund refund : scope.refundsPendingSince(pendingSince)) {
            attempt("refund " + refund.id(), () -> TenantContext.runAsChecked(refund.tenantId(),
                    () -> refunding.send(refund.id())));
        }
        int repaired = 0;
        for (ReconciliationScope.Account account : scope.accountsTakingPayments()) {
            int[] changed = {0};
            Instant since = now.minus(properties.lookback());
            attempt("account " + account.stripeAccountId(), () -> TenantContext.runAsChecked(account.tenantId(),
                    () -> changed[0] = outcomes.reconcile(account.stripeAccountId(), since)
                            + refundsMadeAtStripe.reconcile(account.stripeAccountId(), since)));
            repaired += changed[0];
        }
        if (repaired > 0) {
            log.warn("Reconciliation repaired {} payments that Stripe's webhooks had not", repaired);
        }
    }

    private static void attempt(String what, TenantContext.CheckedWork<StripeException> work) {
        try {
            work.run();
        }
        catch (StripeUnavailable | StripeException e) {
            log.warn("Reconciliation could not check {} with Stripe; next round tries again: {}", what, e.toString());
        }
    }
}
