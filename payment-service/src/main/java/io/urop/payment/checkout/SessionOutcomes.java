package io.urop.payment.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionListParams;
import io.urop.payment.PaymentEvents;
import io.urop.payment.ledger.Payment;
import io.urop.payment.ledger.Payments;
import io.urop.payment.ledger.Refunds;
import io.urop.payment.ledger.TableBills;
import io.urop.payment.refund.Refunding;
import io.urop.payment.stripe.StripeCalls;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies what Stripe says of checkout sessions to their payments, whether a webhook said that something changed or
 * reconciliation found it: the session is Stripe's as it is now, never as a webhook's body says, and applying it
 * twice changes nothing. A paid session pays its payment (or, for money that should not have come, asks its refund,
 * sent once both are written); a share's table bill follows in the same transaction.
 */
@Service
public class SessionOutcomes {

    private final Payments payments;
    private final Refunds refunds;
    private final TableBills bills;
    private final Refunding refunding;
    private final PaymentEvents events;
    private final StripeCalls stripe;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SessionOutcomes(Payments payments, Refunds refunds, TableBills bills, Refunding refunding, PaymentEvents events,
            StripeCalls stripe, TransactionTemplate transaction, Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.bills = bills;
        this.refunding = refunding;
        this.events = events;
        this.stripe = stripe;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * What Stripe says of the checkout session now (read back from Stripe, whatever a webhook said): the payment it
     * belongs to follows, and its events are written.
     */
    public void sessionChanged(String stripeAccountId, String sessionId) throws StripeException {
        apply(stripe.read(stripeAccountId,
                (client, options) -> client.v1().checkout().sessions().retrieve(sessionId, options)));
    }

    /**
     * Repairs what lost webhooks left behind: every session the account's checkouts opened since {@code since}, as
     * Stripe lists it now, is applied to its payment (which changes nothing where nothing was lost).
     *
     * @return how many payments changed
     */
    public int reconcile(String stripeAccountId, Instant since) throws StripeException {
        SessionListParams params = SessionListParams.builder().setLimit(100L)
                .setCreated(SessionListParams.Created.builder().setGte(since.getEpochSecond()).build()).build();
        int changed = 0;
        for (Session session : stripe.read(stripeAccountId, (client, options) -> client.v1().checkout().sessions()
                .list(params, options)).autoPagingIterable()) {
            if (!"open".equals(session.getStatus()) && apply(session)) {
                changed++;
            }
        }
        return changed;
    }

    /** A share's table bill follows what became of it, in the transaction of the share's change. */
    public void billFollows(Payment.ShareOutcome share) {
        bills.locked(share.tableSessionId()).ifPresent(bill -> events.publish(bill.tenantId(), bill.tableSessionId(),
                share.applyTo(bill, clock.instant())));
    }

    /** @return whether the session changed its payment */
    private boolean apply(Session session) throws StripeException {
        UUID paymentId = paymentIdOf(session);
        if (paymentId == null) {
            return false;
        }
        List<UUID> refundsAsked = new ArrayList<>();
        Boolean changed = transaction.execute(status -> payments.locked(paymentId).map(payment -> {
            List<Object> changes = payment.checkoutNow(session, clock.instant());
            for (Object change : changes) {
                if (change instanceof Payment.RefundAsked asked) {
                    refundsAsked.add(refunds.save(asked.refund()).id());
                }
                else if (change instanceof Payment.ShareOutcome share) {
                    billFollows(share);
                }
            }
            events.publish(payment.tenantId(), payment.id(), changes);
            return !changes.isEmpty();
        }).orElse(false));
        for (UUID refund : refundsAsked) {
            refunding.send(refund);
        }
        return Boolean.TRUE.equals(changed);
    }

    private static UUID paymentIdOf(Session session) {
        return Optional.ofNullable(session.getClientReferenceId()).map(SessionOutcomes::uuidOrNull).orElse(null);
    }

    private static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }
}
