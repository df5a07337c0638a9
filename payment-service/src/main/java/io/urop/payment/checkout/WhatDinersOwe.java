package io.urop.payment.checkout;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.urop.events.order.OrderCancelled;
import io.urop.events.order.OrderPlaced;
import io.urop.events.order.OrderRejected;
import io.urop.events.order.TabChanged;
import io.urop.messaging.inbox.Inbox;
import io.urop.payment.PaymentEvents;
import io.urop.payment.ledger.Payment;
import io.urop.payment.ledger.Payments;
import io.urop.payment.ledger.TableBill;
import io.urop.payment.ledger.TableBills;
import io.urop.tenancy.TenantContext;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns from order-service what diners owe: the orders to be paid as they are placed, and for how much (the diner's
 * checkout is opened for that amount, never for one a client sent), and what each table session's tab owes, which its
 * diners pay in shares. An order withdrawn or refused before it was paid can no longer
 * be paid: its open checkout is closed at Stripe, and should it be paid all the same, the money goes back. Each event
 * once.
 */
@Component
class WhatDinersOwe {

    private final Inbox inbox;
    private final Payments payments;
    private final TableBills bills;
    private final Checkouts checkouts;
    private final PaymentEvents events;
    private final Clock clock;

    WhatDinersOwe(Inbox inbox, Payments payments, TableBills bills, Checkouts checkouts, PaymentEvents events,
            Clock clock) {
        this.inbox = inbox;
        this.payments = payments;
        this.bills = bills;
        this.checkouts = checkouts;
        this.events = events;
        this.clock = clock;
    }

    @KafkaListener(topics = "order.events")
    void on(String message) {
        inbox.process(message, "payment-orders-placed", OrderPlaced.class, placed -> {
            if (placed.state() == OrderPlaced.EntryState.PENDING_PAYMENT
                    && payments.findByOrderId(placed.orderId()).isEmpty()) {
                payments.save(Payment.forOrder(placed, clock.instant()));
            }
        });
        inbox.process(message, "payment-tabs", TabChanged.class, this::follow);
        List<ClosedCheckout> toClose = new ArrayList<>();
        inbox.process(message, "payment-orders-cancelled", OrderCancelled.class,
                cancelled -> cancel(cancelled.orderId()).ifPresent(toClose::add));
        inbox.process(message, "payment-orders-rejected", OrderRejected.class,
                rejected -> cancel(rejected.orderId()).ifPresent(toClose::add));
        toClose.forEach(closed -> TenantContext.runAs(closed.tenantId(),
                () -> checkouts.closeQuietly(closed.account(), closed.sessionId())));
    }

    private void follow(TabChanged tab) {
        Optional<TableBill> bill = bills.locked(tab.tableSessionId());
        if (bill.isPresent()) {
            events.publish(tab.tenantId(), tab.tableSessionId(), bill.get().tabChanged(tab));
        }
        else if (tab.balance() > 0) {
            // a tab that owes nothing (its orders paid as they were placed) has no bill to share yet
            bills.save(TableBill.of(tab));
        }
    }

    /** Nothing more may be paid: the checkout still open, if any, is to be closed at Stripe once that is written. */
    private Optional<ClosedCheckout> cancel(UUID orderId) {
        return payments.lockedByOrder(orderId).flatMap(payment -> payment.orderCancelled(clock.instant())
                .map(session -> new ClosedCheckout(payment.tenantId(), payment.stripeAccountId(), session)));
    }

    private record ClosedCheckout(UUID tenantId, String account, String sessionId) {
    }
}
