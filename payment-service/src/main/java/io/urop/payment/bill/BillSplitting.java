package io.urop.payment.bill;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.stripe.exception.StripeException;
import io.urop.contracts.Role;
import io.urop.payment.checkout.CheckoutView;
import io.urop.payment.checkout.Checkouts;
import io.urop.payment.checkout.SessionOutcomes;
import io.urop.payment.ledger.CheckoutPlan;
import io.urop.payment.ledger.Payment;
import io.urop.payment.ledger.PaymentState;
import io.urop.payment.ledger.Payments;
import io.urop.payment.ledger.ShareItem;
import io.urop.payment.ledger.TableBill;
import io.urop.payment.ledger.TableBills;
import io.urop.security.CurrentUser;
import io.urop.web.ConflictException;
import io.urop.web.IdempotencyKey;
import io.urop.web.IdempotencyKeyReused;
import io.urop.web.InvalidFieldException;
import io.urop.web.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The diners of a table pay its bill in shares, each through a checkout of its own: an equal part, an amount of their
 * choosing, or the items they had, with their own tip. A share is held back on the bill, under the bill's lock, before
 * its checkout is opened, so that shares asked for at the same moment never add up to more than is owed nor take the
 * same item twice; one that runs out, or whose checkout cannot be opened, frees its amount and its items again. The
 * bill is settled once, by the share that completes it.
 */
@Service
public class BillSplitting {

    private final TableBills bills;
    private final TabItems tabItems;
    private final Payments payments;
    private final Checkouts checkouts;
    private final SessionOutcomes outcomes;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BillSplitting(TableBills bills, TabItems tabItems, Payments payments, Checkouts checkouts,
            SessionOutcomes outcomes, TransactionTemplate transaction, Clock clock) {
        this.bills = bills;
        this.tabItems = tabItems;
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
     * What the diner's table ordered, item by item, each with its price and whether a share has taken it: what is left
     * to pay by items.
     */
    public List<BillItem> items(CurrentUser diner) {
        UUID session = sessionOf(diner);
        List<ShareItem> offered = tabItems.of(diner.tenantId(), session);
        Map<UUID, BillItem.State> taken = transaction.execute(status -> taken(session));
        return offered.stream().map(item -> BillItem.of(item, taken.getOrDefault(item.lineId(), BillItem.State.OPEN)))
                .toList();
    }

    /**
     * The diner's share and its checkout. The same Idempotency-Key returns the same share (with the tip asked now);
     * with another amount or other items it is 422.
     */
    public CheckoutView payShare(CurrentUser diner, ShareRequest request, IdempotencyKey key) throws StripeException {
        UUID session = sessionOf(diner);
        request.check();
        List<ShareItem> offered = request.byItems() ? tabItems.of(diner.tenantId(), session) : List.of();
        CheckoutPlan plan = transaction.execute(status -> payments.findByTableSessionIdAndShareKey(session, key.value())
                .map(earlier -> checkouts.planFor(sameShare(earlier, request), request.tip()))
                .orElseGet(() -> {
                    TableBill bill = bills.locked(session)
                            .orElseThrow(() -> new NotFoundException("Nothing is owed at this table yet"));
                    Payment payment = request.byItems() ? byItems(bill, offered, request.lines(), key)
                            : Payment.forShare(bill, bill.reserve(request.amount(), request.parts()), key.value(),
                                    clock.instant());
                    return checkouts.planFor(payments.save(payment), request.tip());
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

    /**
     * A share of the items {@code chosen}, under the bill's lock.
     *
     * @throws InvalidFieldException 400 for a line that is not owed on the tab
     * @throws ConflictException     409 for one another share holds or paid, or when the items cost more than is left
     */
    private Payment byItems(TableBill bill, List<ShareItem> offered, Set<UUID> chosen, IdempotencyKey key) {
        Map<UUID, BillItem.State> taken = taken(bill.tableSessionId());
        List<ShareItem> items = new ArrayList<>();
        for (ShareItem item : offered) {
            if (chosen.contains(item.lineId())) {
                if (taken.containsKey(item.lineId())) {
                    throw new ConflictException("\"" + item.name() + "\" is paid, or being paid, by another share");
                }
                items.add(item);
            }
        }
        if (items.size() != chosen.size()) {
            throw new InvalidFieldException("lineIds", "names a line that is not owed on this table's bill");
        }
        long share = bill.reserve(items.stream().mapToLong(ShareItem::amount).sum(), null);
        return Payment.forItems(bill, items, share, key.value(), clock.instant());
    }

    /** The lines of the session's tab that shares by items hold or paid. */
    private Map<UUID, BillItem.State> taken(UUID session) {
        Map<UUID, BillItem.State> taken = new HashMap<>();
        for (Payment share : payments.sharesByItems(session)) {
            BillItem.State state = share.state() == PaymentState.SUCCEEDED ? BillItem.State.PAID : BillItem.State.HELD;
            share.heldLines().forEach(line -> taken.put(line, state));
        }
        return taken;
    }

    private Payment sameShare(Payment earlier, ShareRequest request) {
        boolean same = request.byItems() ? request.lines().equals(earlier.shareLines())
                : earlier.shareLines().isEmpty()
                        && (request.amount() == null || Objects.equals(request.amount(), earlier.amount()));
        if (!same) {
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
