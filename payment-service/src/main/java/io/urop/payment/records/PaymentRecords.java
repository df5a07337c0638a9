package io.urop.payment.records;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.urop.contracts.Role;
import io.urop.payment.ledger.Payment;
import io.urop.payment.ledger.Payments;
import io.urop.payment.ledger.Refund;
import io.urop.payment.ledger.Refunds;
import io.urop.security.CurrentUser;
import io.urop.web.NotFoundException;
import io.urop.web.Paged;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payments of a location, newest first, or of one order, for its owner, managers and staff (not the kitchen).
 * Another location's or tenant's payment is not found.
 */
@Service
public class PaymentRecords {

    private final Payments payments;
    private final Refunds refunds;

    PaymentRecords(Payments payments, Refunds refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @Transactional(readOnly = true)
    public Paged<PaymentView> ofLocation(CurrentUser user, UUID locationId, int page, int size) {
        requireStaff(user);
        if (!user.mayAccessLocation(locationId)) {
            throw new NotFoundException("No such location");
        }
        Page<Payment> found = payments.findByLocationId(locationId,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "id")));
        Map<UUID, List<Refund>> refundsOf = found.isEmpty() ? Map.of()
                : refunds.findByPaymentIdIn(found.map(Payment::id).toList()).stream()
                        .collect(Collectors.groupingBy(Refund::paymentId));
        return new Paged<>(found.map(payment -> PaymentView.of(payment, refundsOf.getOrDefault(payment.id(), List.of())))
                .getContent(), page, size, found.getTotalElements());
    }

    @Transactional(readOnly = true)
    public PaymentView one(CurrentUser user, UUID paymentId) {
        requireStaff(user);
        Payment payment = payments.findById(paymentId).filter(found -> user.mayAccessLocation(found.locationId()))
                .orElseThrow(() -> new NotFoundException("No such payment"));
        return PaymentView.of(payment, refunds.findByPaymentIdOrderByCreatedAt(paymentId));
    }

    /** The payment of an order paid as it was placed. */
    @Transactional(readOnly = true)
    public PaymentView ofOrder(CurrentUser user, UUID orderId) {
        requireStaff(user);
        Payment payment = payments.findByOrderId(orderId).filter(found -> user.mayAccessLocation(found.locationId()))
                .orElseThrow(() -> new NotFoundException("No payment for this order"));
        return PaymentView.of(payment, refunds.findByPaymentIdOrderByCreatedAt(payment.id()));
    }

    private static void requireStaff(CurrentUser user) {
        if (!user.hasAnyRole(Role.OWNER, Role.MANAGER, Role.STAFF)) {
            throw new AccessDeniedException("Only the restaurant's staff see its payments");
        }
    }
}
