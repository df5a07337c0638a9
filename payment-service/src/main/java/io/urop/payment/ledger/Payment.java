package io.urop.payment.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.stripe.model.checkout.Session;
import io.urop.events.Uuid7;
import io.urop.events.order.OrderPlaced;
import io.urop.events.payment.PaymentExpired;
import io.urop.events.payment.PaymentRefunded;
import io.urop.events.payment.PaymentSucceeded;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

import io.urop.web.ConflictException;
import io.urop.web.InvalidFieldException;

/**
 * A diner's payment of an order paid as it is placed: what is owed ({@code amount}, the order's total, never a price
 * the client sent), the tip the diner adds, and the Stripe Checkout Session it is paid through. Each change returns
 * the events it causes; Stripe's word on a session is final, whatever order its webhooks come in: a paid session pays
 * it, an expired one (the one currently open) ends it unpaid, and anything it already knows changes nothing.
 */
@Entity
@Table(name = "payments")
public class Payment implements Persistable<UUID> {

    private static final String ORDER = "ORDER";
    private static final String SHARE = "SHARE";

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "location_id")
    private UUID locationId;

    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "table_session_id")
    private UUID tableSessionId;

    /** {@code ORDER} (an order paid as it is placed) or {@code SHARE} (a share of a table session's bill). */
    private String purpose;

    /** The diner's Idempotency-Key that asked for this share. */
    @Column(name = "share_key")
    private String shareKey;

    @Enumerated(EnumType.STRING)
    private PaymentState state;

    private String currency;

    private long amount;

    private long tip;

    @Column(name = "application_fee")
    private long applicationFee;

    @Column(name = "stripe_account_id")
    private String stripeAccountId;

    /** Which checkout this is, counting from 1: a new tip opens a new one. Part of its idempotency key. */
    @Column(name = "checkout_number")
    private int checkoutNumber;

    @Column(name = "checkout_expires_at")
    private Instant checkoutExpiresAt;

    @Column(name = "checkout_session_id")
    private String checkoutSessionId;

    @Column(name = "checkout_url")
    private String checkoutUrl;

    @Column(name = "payment_intent_id")
    private String paymentIntentId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "succeeded_at")
    private Instant succeededAt;

    /** The checkout sessions that were paid: one, unless a diner also paid one it had been sent to before. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "paid_sessions")
    private String[] paidSessions = new String[0];

    /** What its diners paid, tip included, in minor units. */
    @Column(name = "paid_total")
    private long paidTotal;

    private long refunded;

    /** What refunds asked of Stripe and not yet answered hold back. */
    @Column(name = "refund_pending")
    private long refundPending;

    /** For a share paid by items: the lines of the tab it pays. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "share_line_ids")
    private UUID[] shareLineIds = new UUID[0];

    @Version
    private Long version;

    @ElementCollection
    @CollectionTable(name = "payment_lines", joinColumns = @JoinColumn(name = "payment_id"))
    @OrderColumn(name = "seq")
    private List<PaymentLine> lines = new ArrayList<>();

    protected Payment() {
    }

    /** An order to be paid before it reaches the kitchen, as order-service priced it. */
    public static Payment forOrder(OrderPlaced placed, Instant at) {
        Payment payment = new Payment();
        payment.id = Uuid7.next();
        payment.tenantId = placed.tenantId();
        payment.locationId = placed.locationId();
        payment.orderId = placed.orderId();
        payment.tableSessionId = placed.tableSessionId();
        payment.purpose = ORDER;
        payment.state = PaymentState.DUE;
        payment.currency = placed.currency();
        payment.amount = placed.total();
        payment.createdAt = at;
        payment.changedAt = at;
        for (OrderPlaced.Line line : placed.lines()) {
            payment.lines.add(new PaymentLine(placed.tenantId(), line.name(), line.quantity(), line.unitPrice()));
        }
        if (!placed.taxIncluded() && placed.tax() > 0) {
            payment.lines.add(new PaymentLine(placed.tenantId(), "Tax", 1, placed.tax()));
        }
        if (placed.serviceCharge() > 0) {
            payment.lines.add(new PaymentLine(placed.tenantId(), "Service charge", 1, placed.serviceCharge()));
        }
        if (payment.lines.stream().mapToLong(PaymentLine::total).sum() != payment.amount) {
            // lines whose prices do not add up to the total (an order corrected before payment) are shown as one
            payment.lines.clear();
            payment.lines.add(new PaymentLine(placed.tenantId(), "Your order", 1, placed.total()));
        }
        return payment;
    }

    /** A diner's share of its table session's bill, held back on the bill until it is paid or runs out. */
    public static Payment forShare(TableBill bill, long share, String idempotencyKey, Instant at) {
        Payment payment = new Payment();
        payment.id = Uuid7.next();
        payment.tenantId = bill.tenantId();
        payment.locationId = bill.locationId();
        payment.tableSessionId = bill.tableSessionId();
        payment.purpose = SHARE;
        payment.shareKey = idempotencyKey;
        payment.state = PaymentState.DUE;
        payment.currency = bill.currency();
        payment.amount = share;
        payment.createdAt = at;
        payment.changedAt = at;
        payment.lines.add(new PaymentLine(bill.tenantId(), "Your share of the table's bill", 1, share));
        return payment;
    }

    /**
     * A diner's share of its table session's bill paid by items, {@code items}, which no other share may take while
     * this one is due, open or paid; held back on the bill like any share.
     */
    public static Payment forItems(TableBill bill, List<ShareItem> items, long share, String idempotencyKey,
            Instant at) {
        if (items.stream().mapToLong(ShareItem::amount).sum() != share) {
            throw new IllegalArgumentException("a share by items is what its items cost");
        }
        Payment payment = forShare(bill, share, idempotencyKey, at);
        payment.shareLineIds = items.stream().map(ShareItem::lineId).toArray(UUID[]::new);
        payment.lines.clear();
        for (ShareItem item : items) {
            payment.lines.add(new PaymentLine(bill.tenantId(), item.name(), 1, item.amount()));
        }
        return payment;
    }

    /** The lines of the tab it takes from the other diners: while it is due, open or paid. */
    public Set<UUID> heldLines() {
        return state == PaymentState.EXPIRED || state == PaymentState.CANCELLED ? Set.of()
                : Set.of(shareLineIds);
    }

    /** The lines of the tab a share by items pays; none for any other payment. */
    public Set<UUID> shareLines() {
        return Set.of(shareLineIds);
    }

    /** A share whose checkout could not be opened: nothing was paid; its amount goes back to the bill. */
    public List<Object> shareAbandoned(Instant at) {
        if (!isShare() || state != PaymentState.DUE) {
            return List.of();
        }
        state = PaymentState.CANCELLED;
        changedAt = at;
        return List.of(new ShareOutcome(tableSessionId, amount, false));
    }

    public boolean isShare() {
        return SHARE.equals(purpose);
    }

    public String shareKey() {
        return shareKey;
    }

    /**
     * The checkout the diner asks for, with this tip: the one open or being opened when its tip is the same and it
     * has time left, else a new one (the one open before, if any, is to be expired at Stripe first).
     *
     * @throws ConflictException when there is nothing left to pay
     */
    public CheckoutPlan planCheckout(long newTip, long fee, String account, Instant expiresAt, Instant now) {
        if (state.isOver()) {
            throw new ConflictException(state == PaymentState.SUCCEEDED ? "This order is paid already"
                    : "This order was cancelled: it can no longer be paid");
        }
        boolean sameCheckout = checkoutNumber > 0 && tip == newTip && account.equals(stripeAccountId)
                && checkoutExpiresAt.isAfter(now.plus(CheckoutPlan.TIME_LEFT_TO_PAY));
        if (sameCheckout) {
            return plan(null);
        }
        String replaced = state == PaymentState.CHECKOUT_OPEN ? checkoutSessionId : null;
        checkoutNumber++;
        tip = newTip;
        applicationFee = fee;
        stripeAccountId = account;
        checkoutExpiresAt = expiresAt;
        checkoutSessionId = null;
        checkoutUrl = null;
        state = PaymentState.DUE;
        changedAt = now;
        return plan(replaced);
    }

    private CheckoutPlan plan(String replacedSession) {
        return new CheckoutPlan(id, checkoutNumber, orderId, currency, amount, tip, applicationFee, stripeAccountId,
                checkoutExpiresAt, List.copyOf(lines), replacedSession, checkoutSessionId, checkoutUrl);
    }

    /** Stripe opened the session of checkout {@code number}; a checkout planned since then keeps its own. */
    public void checkoutOpened(int number, Session session, Instant at) {
        if (number != checkoutNumber || checkoutSessionId != null || state != PaymentState.DUE) {
            return;
        }
        checkoutSessionId = session.getId();
        checkoutUrl = session.getUrl();
        state = PaymentState.CHECKOUT_OPEN;
        changedAt = at;
    }

    /** What Stripe says of one of its sessions now. */
    public List<Object> checkoutNow(Session session, Instant at) {
        boolean paid = "complete".equals(session.getStatus())
                && ("paid".equals(session.getPaymentStatus())
                        || "no_payment_required".equals(session.getPaymentStatus()));
        if (paid) {
            return paid(session, at);
        }
        if ("expired".equals(session.getStatus()) && state == PaymentState.CHECKOUT_OPEN
                && session.getId().equals(checkoutSessionId)) {
            state = PaymentState.EXPIRED;
            changedAt = at;
            PaymentExpired expired = new PaymentExpired(id, tenantId, locationId, orderId, tableSessionId, at);
            return isShare() ? List.of(expired, new ShareOutcome(tableSessionId, amount, false)) : List.of(expired);
        }
        return List.of();
    }

    /**
     * A session was paid: the payment succeeds, unless it is over already. Money that came in after its order was
     * cancelled, or through a second session of an order already paid, is refunded at once ({@link RefundAsked}).
     */
    private List<Object> paid(Session session, Instant at) {
        if (Arrays.asList(paidSessions).contains(session.getId())) {
            return List.of();
        }
        long sessionTotal = session.getAmountTotal();
        paidSessions = append(paidSessions, session.getId());
        paidTotal = Math.addExact(paidTotal, sessionTotal);
        changedAt = at;
        if (state.isOver()) {
            String why = state == PaymentState.SUCCEEDED ? "Paid twice: the order was paid through another checkout"
                    : "Paid after the order was cancelled";
            return List.of(new RefundAsked(askRefund(session.getPaymentIntent(), sessionTotal, why,
                    "payment-service", null, true, at)));
        }
        tip = Math.max(0, sessionTotal - amount);
        paymentIntentId = session.getPaymentIntent();
        checkoutSessionId = session.getId();
        state = PaymentState.SUCCEEDED;
        succeededAt = at;
        PaymentSucceeded succeeded = new PaymentSucceeded(id, tenantId, locationId, orderId, tableSessionId,
                sessionTotal, currency, at);
        return isShare() ? List.of(succeeded, new ShareOutcome(tableSessionId, amount, true)) : List.of(succeeded);
    }

    /**
     * A manager gives (part of) a paid payment back, with a reason: all that is left when {@code requested} is null.
     *
     * @throws ConflictException         when nothing was paid, or nothing is left to refund
     * @throws InvalidFieldException 400 for an amount that is not positive or more than is left to refund
     */
    public Refund refund(Long requested, String reason, String by, String idempotencyKey, Instant at) {
        if (state != PaymentState.SUCCEEDED) {
            throw new ConflictException("Only a paid payment can be refunded; this one is " + state);
        }
        long refundable = refundable();
        if (refundable == 0) {
            throw new ConflictException("Everything paid is refunded, or being refunded, already");
        }
        long amountBack = requested == null ? refundable : requested;
        if (amountBack <= 0) {
            throw new InvalidFieldException("amount", "must be positive");
        }
        if (amountBack > refundable) {
            throw new InvalidFieldException("amount",
                    "must not be more than what is left to refund (" + refundable + ")");
        }
        changedAt = at;
        return askRefund(paymentIntentId, amountBack, reason, by, idempotencyKey, false, at);
    }

    private Refund askRefund(String intent, long amountBack, String reason, String by, String key, boolean automatic,
            Instant at) {
        refundPending = Math.addExact(refundPending, amountBack);
        return new Refund(tenantId, id, intent, amountBack, reason, by, key, automatic, at);
    }

    /** Stripe answered one of its refunds. */
    public List<Object> refundSettled(Refund refund, boolean succeeded, String stripeRefundId, String failure,
            Instant at) {
        if (!refund.paymentId().equals(id) || !refund.settle(succeeded, stripeRefundId, failure, at)) {
            return List.of();
        }
        refundPending = Math.subtractExact(refundPending, refund.amount());
        changedAt = at;
        if (!succeeded) {
            return List.of();
        }
        refunded = Math.addExact(refunded, refund.amount());
        return List.of(new PaymentRefunded(id, refund.id(), tenantId, locationId, orderId, tableSessionId,
                refund.amount(), refunded, currency, refund.reason(), refund.automatic(), at));
    }

    /**
     * The restaurant refunded (part of) it in its own Stripe Dashboard: recorded as Stripe says, so that what is left
     * to refund here is what Stripe would still refund.
     *
     * @return the refund to keep ({@link RefundRecorded}) and the {@code payment.refunded} it causes
     */
    public List<Object> refundedAtStripe(String intent, String stripeRefundId, long amountBack, String reason,
            Instant at) {
        Refund refund = Refund.madeAtStripe(tenantId, id, intent, amountBack, stripeRefundId, reason, at);
        refunded = Math.addExact(refunded, amountBack);
        changedAt = at;
        return List.of(new RefundRecorded(refund), new PaymentRefunded(id, refund.id(), tenantId, locationId, orderId,
                tableSessionId, amountBack, refunded, currency, reason, false, at));
    }

    /** What may still be refunded: paid, less what was refunded or is being refunded. */
    public long refundable() {
        return Math.max(0, paidTotal - refunded - refundPending);
    }

    private static String[] append(String[] values, String value) {
        String[] longer = Arrays.copyOf(values, values.length + 1);
        longer[values.length] = value;
        return longer;
    }

    /**
     * What became of a share, for its table's bill to follow in the same transaction: paid, or its amount free again.
     */
    public record ShareOutcome(UUID tableSessionId, long amount, boolean paid) {

        /** @return what the bill's change causes */
        public List<Object> applyTo(TableBill bill, Instant at) {
            if (paid) {
                return bill.sharePaid(amount, at);
            }
            bill.shareReleased(amount);
            return List.of();
        }
    }

    /** A refund this change asked for: to be kept with the payment, and sent to Stripe once both are written. */
    public record RefundAsked(Refund refund) {
    }

    /** A refund made elsewhere that this change recorded: to be kept with the payment. */
    public record RefundRecorded(Refund refund) {
    }

    /**
     * The order will not be made (withdrawn, refused, or its checkout ran out): nothing more may be paid. A checkout
     * still open is returned, to be closed at Stripe; should it be paid all the same, the payment is refunded.
     */
    public Optional<String> orderCancelled(Instant at) {
        if (state.isOver()) {
            return Optional.empty();
        }
        String open = state == PaymentState.CHECKOUT_OPEN ? checkoutSessionId : null;
        state = PaymentState.CANCELLED;
        changedAt = at;
        return Optional.ofNullable(open);
    }

    public String stripeAccountId() {
        return stripeAccountId;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID tableSessionId() {
        return tableSessionId;
    }

    public PaymentState state() {
        return state;
    }

    public String currency() {
        return currency;
    }

    public long amount() {
        return amount;
    }

    public long tip() {
        return tip;
    }

    public String checkoutSessionId() {
        return checkoutSessionId;
    }

    public String checkoutUrl() {
        return checkoutUrl;
    }

    public Instant checkoutExpiresAt() {
        return checkoutExpiresAt;
    }

    public String paymentIntentId() {
        return paymentIntentId;
    }

    public UUID locationId() {
        return locationId;
    }

    public long paidTotal() {
        return paidTotal;
    }

    public long refunded() {
        return refunded;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant succeededAt() {
        return succeededAt;
    }

    /** Spring Data's: not stored yet until it has a version, read without reflection on every save. */
    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return version == null;
    }
}
