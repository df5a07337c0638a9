package io.urop.payment.refund;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.param.RefundListParams;
import io.urop.payment.PaymentEvents;
import io.urop.payment.ledger.Payment;
import io.urop.payment.ledger.Payments;
import io.urop.payment.ledger.Refunds;
import io.urop.payment.stripe.StripeCalls;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds a restaurant makes in its own Stripe Dashboard (it is the merchant of record: its refunds are its own),
 * taken into the payment's record, so that its managers see them here and can never refund that money twice. Whatever
 * tells of them (Stripe's {@code charge.refunded}, or reconciliation finding one among the account's recent refunds),
 * the payment intent's refunds are read back from Stripe and each is recorded once, by its Stripe id. Refunds made
 * through payment-service carry its {@code refund_id} and are {@link Refunding}'s to settle.
 */
@Service
public class RefundsMadeAtStripe {

    private final Payments payments;
    private final Refunds refunds;
    private final StripeCalls stripe;
    private final PaymentEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RefundsMadeAtStripe(Payments payments, Refunds refunds, StripeCalls stripe, PaymentEvents events,
            TransactionTemplate transaction, Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.stripe = stripe;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Records the refunds of the payment intent made in Stripe's Dashboard and not yet recorded.
     *
     * @return how many were recorded now
     */
    public int follow(String account, String paymentIntentId) throws StripeException {
        PaymentIntent intent = stripe.read(account,
                (client, options) -> client.v1().paymentIntents().retrieve(paymentIntentId, options));
        return recordRefundsOf(account, intent);
    }

    /**
     * Repairs what lost {@code charge.refunded} webhooks left behind: the account's refunds made since {@code since},
     * whatever the age of the payment, and for each one made in the Dashboard and not recorded yet, its payment
     * intent's refunds are followed.
     *
     * @return how many refunds were recorded now
     */
    public int reconcile(String account, Instant since) throws StripeException {
        RefundListParams params = RefundListParams.builder().setLimit(100L)
                .setCreated(RefundListParams.Created.builder().setGte(since.getEpochSecond()).build()).build();
        Set<String> intents = new LinkedHashSet<>();
        for (Refund refund : stripe.read(account, (client, options) -> client.v1().refunds().list(params, options))
                .autoPagingIterable()) {
            if (madeAtStripe(refund) && refund.getPaymentIntent() != null && !recorded(refund)) {
                intents.add(refund.getPaymentIntent());
            }
        }
        int recorded = 0;
        for (String intent : intents) {
            recorded += follow(account, intent);
        }
        return recorded;
    }

    private int recordRefundsOf(String account, PaymentIntent intent) throws StripeException {
        Optional<UUID> paymentId = paymentOf(intent);
        if (paymentId.isEmpty()) {
            return 0;
        }
        RefundListParams params = RefundListParams.builder().setPaymentIntent(intent.getId()).setLimit(100L).build();
        List<Refund> madeAtStripe = new ArrayList<>();
        for (Refund refund : stripe.read(account, (client, options) -> client.v1().refunds().list(params, options))
                .autoPagingIterable()) {
            if (madeAtStripe(refund)) {
                madeAtStripe.add(refund);
            }
        }
        if (madeAtStripe.isEmpty()) {
            return 0;
        }
        Integer recorded = transaction.execute(status -> payments.locked(paymentId.get()).map(payment -> {
            int count = 0;
            for (Refund refund : madeAtStripe) {
                if (!refunds.existsByStripeRefundId(refund.getId())) {
                    record(payment, intent.getId(), refund);
                    count++;
                }
            }
            return count;
        }).orElse(0));
        return recorded == null ? 0 : recorded;
    }

    private boolean recorded(Refund refund) {
        return Boolean.TRUE.equals(transaction.execute(status -> refunds.existsByStripeRefundId(refund.getId())));
    }

    /** A refund that succeeded and that payment-service did not ask for: it carries no {@code refund_id} of ours. */
    private static boolean madeAtStripe(Refund refund) {
        boolean ours = refund.getMetadata() != null && refund.getMetadata().containsKey("refund_id");
        return !ours && "succeeded".equals(refund.getStatus());
    }

    private void record(Payment payment, String intent, Refund refund) {
        String reason = refund.getReason() == null ? "Refunded in Stripe"
                : "Refunded in Stripe: " + refund.getReason().replace('_', ' ');
        List<Object> changes = payment.refundedAtStripe(intent, refund.getId(), refund.getAmount(), reason,
                clock.instant());
        for (Object change : changes) {
            if (change instanceof Payment.RefundRecorded recorded) {
                refunds.save(recorded.refund());
            }
        }
        events.publish(payment.tenantId(), payment.id(), changes);
    }

    private static Optional<UUID> paymentOf(PaymentIntent intent) {
        String id = intent.getMetadata() == null ? null : intent.getMetadata().get("payment_id");
        try {
            return Optional.ofNullable(id).map(UUID::fromString);
        }
        catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
