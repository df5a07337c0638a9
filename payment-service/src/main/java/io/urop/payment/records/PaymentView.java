package io.urop.payment.records;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.urop.payment.ledger.Payment;
import io.urop.payment.ledger.PaymentState;
import io.urop.payment.ledger.Refund;
import io.urop.payment.refund.RefundView;

/**
 * A payment as staff see it, in minor units of {@code currency}: what was owed, the tip, what was paid, refunded and
 * may still be refunded, and its refunds. {@code orderId} for an order paid as it was placed; null for a share of a
 * table's bill ({@code share}).
 */
public record PaymentView(UUID id, UUID orderId, UUID tableSessionId, UUID locationId, boolean share,
        PaymentState state, String currency, long amount, long tip, long paid, long refunded, long refundable,
        Instant createdAt, Instant succeededAt, List<RefundView> refunds) {

    static PaymentView of(Payment payment, List<Refund> refunds) {
        return new PaymentView(payment.id(), payment.orderId(), payment.tableSessionId(), payment.locationId(),
                payment.isShare(), payment.state(), payment.currency(), payment.amount(), payment.tip(),
                payment.paidTotal(), payment.refunded(), payment.refundable(), payment.createdAt(),
                payment.succeededAt(), refunds.stream().map(RefundView::of).toList());
    }
}
