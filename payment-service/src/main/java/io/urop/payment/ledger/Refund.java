package io.urop.payment.ledger;

import java.time.Instant;
import java.util.UUID;

import io.urop.events.Uuid7;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.Persistable;

/**
 * A refund of (part of) a payment, part of that payment's aggregate: it is asked for, and settled, only through
 * {@link Payment}, under the payment's lock, which keeps what may still be refunded. Its id is
 * the ground of its idempotency key at Stripe ({@code refund-<id>}), so however often it is sent, it refunds once.
 */
@Entity
@Table(name = "refunds")
public class Refund implements Persistable<UUID> {

    /** Who asked for a refund the restaurant made in its Stripe Dashboard. */
    public static final String MADE_AT_STRIPE = "stripe-dashboard";

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "payment_id")
    private UUID paymentId;

    /** The Stripe payment intent whose money goes back. */
    @Column(name = "payment_intent")
    private String paymentIntent;

    private long amount;

    private String reason;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    private boolean automatic;

    @Enumerated(EnumType.STRING)
    private RefundState state;

    @Column(name = "stripe_refund_id")
    private String stripeRefundId;

    private String failure;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    @Version
    private Long version;

    protected Refund() {
    }

    public Refund(UUID tenantId, UUID paymentId, String paymentIntent, long amount, String reason, String requestedBy,
            String idempotencyKey, boolean automatic, Instant at) {
        this.id = Uuid7.next();
        this.tenantId = tenantId;
        this.paymentId = paymentId;
        this.paymentIntent = paymentIntent;
        this.amount = amount;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.idempotencyKey = idempotencyKey;
        this.automatic = automatic;
        this.state = RefundState.PENDING;
        this.createdAt = at;
    }

    /** A refund the restaurant made in its own Stripe Dashboard: done already, as Stripe says. */
    static Refund madeAtStripe(UUID tenantId, UUID paymentId, String paymentIntent, long amount,
            String stripeRefundId, String reason, Instant at) {
        Refund refund = new Refund(tenantId, paymentId, paymentIntent, amount, reason, MADE_AT_STRIPE, null, false,
                at);
        refund.settle(true, stripeRefundId, null, at);
        return refund;
    }

    /** @return whether it was pending until now */
    public boolean settle(boolean succeeded, String stripeRefundId, String failure, Instant at) {
        if (state != RefundState.PENDING) {
            return false;
        }
        this.state = succeeded ? RefundState.SUCCEEDED : RefundState.FAILED;
        this.stripeRefundId = stripeRefundId;
        this.failure = failure;
        this.settledAt = at;
        return true;
    }

    public String stripeIdempotencyKey() {
        return "refund-" + id;
    }

    public UUID id() {
        return id;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public String paymentIntent() {
        return paymentIntent;
    }

    public long amount() {
        return amount;
    }

    public String reason() {
        return reason;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public boolean automatic() {
        return automatic;
    }

    public RefundState state() {
        return state;
    }

    public String stripeRefundId() {
        return stripeRefundId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant settledAt() {
        return settledAt;
    }

    String idempotencyKey() {
        return idempotencyKey;
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
