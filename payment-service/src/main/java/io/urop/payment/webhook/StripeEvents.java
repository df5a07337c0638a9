package io.urop.payment.webhook;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import io.urop.payment.account.AccountOwners;
import io.urop.payment.account.MerchantOnboarding;
import io.urop.payment.checkout.SessionOutcomes;
import io.urop.payment.refund.RefundsMadeAtStripe;
import io.urop.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Applies Stripe's events, each once. An event says only that something changed: what changed is read back from
 * Stripe, so a duplicate, a late or an out-of-order delivery leaves things as Stripe has them now. A connected
 * account's event acts for the tenant that account belongs to, and can touch nothing of another: the payment it
 * names is looked up under that tenant only. An event is recorded as handled only once its effect is written; one
 * that fails is answered with an error, and Stripe delivers it again.
 */
@Service
class StripeEvents {

    private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);

    /** What payment-service acts on; Stripe's other events (a payment intent, a new charge) are answered and left. */
    private static final Set<String> ACTED_ON = Set.of("checkout.session.completed",
            "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed",
            "checkout.session.expired", "account.updated", "charge.refunded");

    private final HandledEvents handled;
    private final AccountOwners owners;
    private final MerchantOnboarding onboarding;
    private final SessionOutcomes outcomes;
    private final RefundsMadeAtStripe refundsMadeAtStripe;
    private final JsonMapper json;
    private final Clock clock;

    StripeEvents(HandledEvents handled, AccountOwners owners, MerchantOnboarding onboarding, SessionOutcomes outcomes,
            RefundsMadeAtStripe refundsMadeAtStripe, JsonMapper json, Clock clock) {
        this.handled = handled;
        this.owners = owners;
        this.onboarding = onboarding;
        this.outcomes = outcomes;
        this.refundsMadeAtStripe = refundsMadeAtStripe;
        this.json = json;
        this.clock = clock;
    }

    void handle(Event event) throws StripeException {
        if (!ACTED_ON.contains(event.getType()) || handled.contains(event.getId())) {
            return;
        }
        String account = event.getAccount();
        Optional<UUID> tenant = account == null ? Optional.empty() : owners.tenantOf(account);
        if (tenant.isEmpty()) {
            log.info("Stripe event {} ({}) names no connected account of a tenant: ignored", event.getId(),
                    event.getType());
            record(event);
            return;
        }
        TenantContext.runAsChecked(tenant.get(), () -> {
            apply(event, account);
            record(event);
        });
    }

    private void apply(Event event, String account) throws StripeException {
        if ("account.updated".equals(event.getType())) {
            onboarding.accountChanged(account);
        }
        else if ("charge.refunded".equals(event.getType())) {
            refundsMadeAtStripe.follow(account, field(event, "payment_intent"));
        }
        else {
            outcomes.sessionChanged(account, field(event, "id"));
        }
    }

    /**
     * Records the event as handled. Its effects are each idempotent on their own (Stripe's state read back and
     * applied), so two deliveries of one event at the same moment may both apply it and change nothing more.
     */
    private void record(Event event) {
        handled.add(event, clock.instant());
    }

    /** A field of the object the event is about, read from its raw JSON whatever API version it was written in. */
    private String field(Event event, String name) {
        return json.readTree(event.getDataObjectDeserializer().getRawJson()).path(name).asString();
    }
}
