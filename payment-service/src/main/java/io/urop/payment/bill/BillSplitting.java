package io.urop.payment.bill;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import com.stripe.exception.StripeException;
import io.urop.contracts.Role;
import io.urop.payment.checkout.CheckoutView;
import io.urop.payment.checkout.Checkouts;
import io.urop.payment.checkout.SessionOutcomes;
import io.urop.payment.ledger.CheckoutPlan;
import io.urop.payment.ledger.Payment;
import io.urop.payment.ledger.Payments;
import io.urop.payment.ledger.TableBill;
import io.urop.payment.ledger.TableBills;
import io.urop.security.CurrentUser;
import io.urop.web.IdempotencyKey;
import io.urop.web.IdempotencyKeyReused;
import io.urop.web.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The diners of a table pay its bill in shares, each through a checkout of its own: an equal part, or an amount of
 * their choosing, with their own tip. A share is held back on the bill, under the bill's lock, before its checkout is
 * opened, so that shares asked for at the same moment never add up to more than is owed; one that runs out, or whose
 * checkout cannot be opened, frees its amount again. The bill is settled once, by the share that completes it.
 */
@Service
public class BillSplitting {

    private final TableBills bills;
    private final Payments payments;
    private final Checkouts checkouts;
    private final SessionOutcomes outcomes;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BillSplitting(TableBills bills, Payments payments, Checkouts checkouts, SessionOutcomes outcomes,
            TransactionTemplate transaction, Clock clock) {
        this.bills = bills;
        this.payments = payments;
        this.checkouts = checkouts;
        this.outcomes = outcomes;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The bill of the diner's own table session. */
    public BillView bill(CurrentUser diner) {
        UUID session = sessionOf(diner);
        return transaction.execute(status -> bills.findById(session).map(BillView::of)
                .orElseThrow(() -> new NotFoundException("Nothing is owed at this table yet")));
    }

    /**
     * The diner's share and its checkout. The same Idempotency-Key returns the same share (with the tip asked now);
     * with another amount it is 422.
     */
    public CheckoutView payShare(CurrentUser diner, ShareRequest request, IdempotencyKey key) throws StripeException {
        UUID session = sessionOf(diner);
        request.check();
        CheckoutPlan plan = transaction.execute(status -> payments.findByTableSessionIdAndShareKey(session, key.value())
                .map(earlier -> checkouts.planFor(sameShare(earlier, request), request.tip()))
                .orElseGet(() -> {
                    TableBill bill = bills.locked(session)
                            .orElseThrow(() -> new NotFoundException("Nothing is owed at this table yet"));
                    long share = bill.reserve(request.amount(), request.parts());
                    Payment payment = payments.save(Payment.forShare(bill, share, key.value(), clock.instant()));
                    return checkouts.planFor(payment, request.tip());
                }));
        try {
            return checkouts.openPlanned(plan);
        }
        catch (StripeException | RuntimeException e) {
            transaction.executeWithoutResult(status -> payments.locked(plan.paymentId()).ifPresent(payment -> {
                for (Object change : payment.shareAbandoned(clock.instant())) {
                    outcomes.billFollows((Payment.ShareOutcome) change);
                }
            }));
            throw e;
        }
    }

    private Payment sameShare(Payment earlier, ShareRequest request) {
        if (request.amount() != null && !Objects.equals(request.amount(), earlier.amount())) {
            throw new IdempotencyKeyReused();
        }
        return payments.locked(earlier.id()).orElseThrow();
    }

    private static UUID sessionOf(CurrentUser diner) {
        if (!diner.hasRole(Role.DINER) || diner.sessionId() == null) {
            throw new AccessDeniedException("Only a diner seated at a table pays a share of its bill");
        }
        try {
            return UUID.fromString(diner.sessionId());
        }
        catch (IllegalArgumentException e) {
            throw new AccessDeniedException("Only a diner seated at a table pays a share of its bill");
        }
    }
}
