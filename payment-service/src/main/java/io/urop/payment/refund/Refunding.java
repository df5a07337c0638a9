package io.urop.payment.refund;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.param.RefundCreateParams;
import io.urop.contracts.Role;
import io.urop.payment.PaymentEvents;
import io.urop.payment.ledger.Payment;
import io.urop.payment.ledger.Payments;
import io.urop.payment.ledger.Refund;
import io.urop.payment.ledger.RefundState;
import io.urop.payment.ledger.Refunds;
import io.urop.payment.stripe.StripeCalls;
import io.urop.security.CurrentUser;
import io.urop.web.IdempotencyKey;
import io.urop.web.IdempotencyKeyReused;
import io.urop.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives money back through Stripe, never more than was captured and never twice. A refund is written down first,
 * holding its amount back under the payment's lock (two managers refunding at once cannot both take what is left),
 * then sent to Stripe under its own idempotency key, then settled with Stripe's answer; a refund Stripe could not be
 * asked about stays pending and is sent again, under the same key, by whoever retries it.
 */
@Service
public class Refunding {

    private static final Logger log = LoggerFactory.getLogger(Refunding.class);

    private final Payments payments;
    private final Refunds refunds;
    private final StripeCalls stripe;
    private final PaymentEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Refunding(Payments payments, Refunds refunds, StripeCalls stripe, PaymentEvents events,
            TransactionTemplate transaction, Clock clock) {
        this.payments = payments;
        this.refunds = refunds;
        this.stripe = stripe;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * A manager (or the owner) of the payment's location refunds (part of) it. The same Idempotency-Key returns the
     * same refund; with another request it is 422.
     */
    public RefundView refund(CurrentUser user, UUID paymentId, RefundRequest request, IdempotencyKey key)
            throws StripeException {
        if (!user.hasAnyRole(Role.OWNER, Role.MANAGER)) {
            throw new AccessDeniedException("Only a manager or the owner refunds");
        }
        Refund refund = transaction.execute(status -> {
            Payment payment = payments.locked(paymentId).filter(found -> user.mayAccessLocation(found.locationId()))
                    .orElseThrow(() -> new NotFoundException("No such payment"));
            return refunds.findByPaymentIdAndIdempotencyKey(paymentId, key.value())
                    .map(earlier -> sameRequest(earlier, request))
                    .orElseGet(() -> refunds.save(payment.refund(request.amount(), request.reason(), user.subject(),
                            key.value(), clock.instant())));
        });
        if (refund.state() == RefundState.PENDING) {
            send(refund.id());
        }
        return RefundView.of(refunds.findById(refund.id()).orElseThrow());
    }

    /** Sends a pending refund to Stripe and settles it with the answer; one already settled is left alone. */
    public void send(UUID refundId) throws StripeException {
        Pending pending = transaction.execute(status -> refunds.findById(refundId)
                .filter(refund -> refund.state() == RefundState.PENDING)
                .map(refund -> new Pending(refund,
                        payments.findById(refund.paymentId()).orElseThrow().stripeAccountId()))
                .orElse(null));
        if (pending == null) {
            return;
        }
        Refund refund = pending.refund();
        com.stripe.model.Refund answer;
        try {
            answer = stripe.call(pending.account(), refund.stripeIdempotencyKey(), (client, options) -> client.v1()
                    .refunds().create(RefundCreateParams.builder()
                            .setPaymentIntent(refund.paymentIntent())
                            .setAmount(refund.amount())
                            .putMetadata("refund_id", refund.id().toString())
                            .putMetadata("payment_id", refund.paymentId().toString())
                            .build(), options));
        }
        catch (InvalidRequestException refused) {
            log.error("Stripe refused refund {} of payment {}: {}", refund.id(), refund.paymentId(),
                    refused.getMessage());
            settle(refundId, false, null, refused.getMessage());
            return;
        }
        boolean succeeded = !"failed".equals(answer.getStatus()) && !"canceled".equals(answer.getStatus());
        settle(refundId, succeeded, answer.getId(), succeeded ? null : answer.getFailureReason());
    }

    private void settle(UUID refundId, boolean succeeded, String stripeRefundId, String failure) {
        transaction.executeWithoutResult(status -> {
            Refund refund = refunds.findById(refundId).orElseThrow();
            Payment payment = payments.locked(refund.paymentId()).orElseThrow();
            events.publish(payment.tenantId(), payment.id(),
                    payment.refundSettled(refund, succeeded, stripeRefundId, failure, clock.instant()));
        });
    }

    private static Refund sameRequest(Refund earlier, RefundRequest request) {
        boolean same = earlier.reason().equals(request.reason())
                && (request.amount() == null || Objects.equals(request.amount(), earlier.amount()));
        if (!same) {
            throw new IdempotencyKeyReused();
        }
        return earlier;
    }

    private record Pending(Refund refund, String account) {
    }
}
