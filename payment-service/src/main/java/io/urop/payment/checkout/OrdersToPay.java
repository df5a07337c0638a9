package io.urop.payment.checkout;

import java.time.Clock;

import io.urop.events.order.OrderCancelled;
import io.urop.events.order.OrderPlaced;
import io.urop.events.order.OrderRejected;
import io.urop.messaging.inbox.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns from order-service which orders are to be paid as they are placed, and for how much: the diner's checkout is
 * opened for that amount, never for one a client sent. An order withdrawn or refused before it was paid can no longer
 * be paid. Each event once.
 */
@Component
class OrdersToPay {

    private final Inbox inbox;
    private final Payments payments;
    private final Clock clock;

    OrdersToPay(Inbox inbox, Payments payments, Clock clock) {
        this.inbox = inbox;
        this.payments = payments;
        this.clock = clock;
    }

    @KafkaListener(topics = "order.events")
    void on(String message) {
        inbox.process(message, "payment-orders-placed", OrderPlaced.class, placed -> {
            if (placed.state() == OrderPlaced.EntryState.PENDING_PAYMENT && payments.findByOrderId(placed.orderId()).isEmpty()) {
                payments.save(Payment.forOrder(placed, clock.instant()));
            }
        });
        inbox.process(message, "payment-orders-cancelled", OrderCancelled.class,
                cancelled -> payments.lockedByOrder(cancelled.orderId())
                        .ifPresent(payment -> payment.orderCancelled(clock.instant())));
        inbox.process(message, "payment-orders-rejected", OrderRejected.class,
                rejected -> payments.lockedByOrder(rejected.orderId())
                        .ifPresent(payment -> payment.orderCancelled(clock.instant())));
    }
}
