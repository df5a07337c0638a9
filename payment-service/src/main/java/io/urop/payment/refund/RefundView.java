package io.urop.payment.refund;

import java.time.Instant;
import java.util.UUID;

import io.urop.payment.ledger.Refund;
import io.urop.payment.ledger.RefundState;

/** A refund as staff see it; {@code automatic} when payment-service made it itself. */
public record RefundView(UUID id, UUID paymentId, long amount, String reason, String requestedBy, boolean automatic,
        RefundState state, Instant createdAt, Instant settledAt) {

    public static RefundView of(Refund refund) {
        return new RefundView(refund.id(), refund.paymentId(), refund.amount(), refund.reason(), refund.requestedBy(),
                refund.automatic(), refund.state(), refund.createdAt(), refund.settledAt());
    }
}
