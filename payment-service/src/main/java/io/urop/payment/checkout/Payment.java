package io.urop.payment.checkout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.stripe.model.checkout.Session;
import io.urop.events.Uuid7;
import io.urop.events.order.OrderPlaced;
import io.urop.events.payment.PaymentExpired;
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

import io.urop.web.ConflictException;

/**
 * A diner's payment of an order paid as it is placed: what is owed ({@code amount}, the order's total, never a price
 * the client sent), the tip the diner adds, and the Stripe Checkout Session it is paid through. Each change returns
 * the events it causes; Stripe's word on a session is final, whatever order its webhooks come in: a paid session pays
 * it, an expired one (the one currently open) ends it unpaid, and anything it already knows changes nothing.
 */
@Entity
@Table(name = "payments")
public class Payment {

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

    @Version
    private Long version;

    @ElementCollection
    @CollectionTable(name = "payment_lines", joinColumns = @JoinColumn(name = "payment_id"))
    @OrderColumn(name = "seq")
    private List<PaymentLine> lines = new ArrayList<>();

    protected Payment() {
    }

    /** An order to be paid before it reaches the kitchen, as order-service priced it. */
    static Payment forOrder(OrderPlaced placed, Instant at) {
        Payment payment = new Payment();
        payment.id = Uuid7.next();
        payment.tenantId = placed.tenantId();
        payment.locationId = placed.locationId();
        payment.orderId = placed.orderId();
        payment.tableSessionId = placed.tableSessionId();
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

    /**
     * The checkout the diner asks for, with this tip: the one open or being opened when its tip is the same and it
     * has time left, else a new one (the one open before, if any, is to be expired at Stripe first).
     *
     * @throws ConflictException when there is nothing left to pay
     */
    CheckoutPlan planCheckout(long newTip, long fee, String account, Instant expiresAt, Instant now) {
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
    void checkoutOpened(int number, Session session, Instant at) {
        if (number != checkoutNumber || checkoutSessionId != null || state != PaymentState.DUE) {
            return;
        }
        checkoutSessionId = session.getId();
        checkoutUrl = session.getUrl();
        state = PaymentState.CHECKOUT_OPEN;
        changedAt = at;
    }

    /** What Stripe says of one of its sessions now. */
    List<Object> checkoutNow(Session session, Instant at) {
        boolean paid = "complete".equals(session.getStatus())
                && ("paid".equals(session.getPaymentStatus()) || "no_payment_required".equals(session.getPaymentStatus()));
        if (paid) {
            return paid(session, at);
        }
        if ("expired".equals(session.getStatus()) && state == PaymentState.CHECKOUT_OPEN
                && session.getId().equals(checkoutSessionId)) {
            state = PaymentState.EXPIRED;
            changedAt = at;
            return List.of(new PaymentExpired(id, tenantId, locationId, orderId, tableSessionId, at));
        }
        return List.of();
    }

    private List<Object> paid(Session session, Instant at) {
        if (state == PaymentState.SUCCEEDED) {
            return List.of();
        }
        long paidTotal = session.getAmountTotal();
        tip = Math.max(0, paidTotal - amount);
        paymentIntentId = session.getPaymentIntent();
        checkoutSessionId = session.getId();
        state = PaymentState.SUCCEEDED;
        succeededAt = at;
        changedAt = at;
        return List.of(new PaymentSucceeded(id, tenantId, locationId, orderId, tableSessionId, paidTotal, currency, at));
    }

    /**
     * The order will not be made (withdrawn, refused, or its checkout ran out): nothing more may be paid. A checkout
     * still open is returned, to be closed at Stripe; should it be paid all the same, the payment is refunded.
     */
    Optional<String> orderCancelled(Instant at) {
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
}
