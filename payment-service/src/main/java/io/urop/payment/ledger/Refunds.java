package io.urop.payment.ledger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The refunds of the tenant bound to the transaction. */
public interface Refunds extends JpaRepository<Refund, UUID> {

    Optional<Refund> findByPaymentIdAndIdempotencyKey(UUID paymentId, String idempotencyKey);

    List<Refund> findByPaymentIdOrderByCreatedAt(UUID paymentId);

    List<Refund> findByPaymentIdIn(List<UUID> paymentIds);

    boolean existsByStripeRefundId(String stripeRefundId);
}
