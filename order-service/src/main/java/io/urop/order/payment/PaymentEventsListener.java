package io.urop.order.payment;

import io.urop.events.payment.MerchantAccountChanged;
import io.urop.events.payment.PaymentExpired;
import io.urop.events.payment.PaymentRefunded;
import io.urop.events.payment.PaymentSucceeded;
import io.urop.events.payment.TableBillSettled;
import io.urop.messaging.inbox.Inbox;
import io.urop.order.location.OnlinePayments;
import io.urop.order.ordering.Ordering;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Moves orders on as payment-service reports their payments: a paid order goes on to the kitchen, one whose checkout
 * expired is cancelled, and a settled bill, passed on within the service, settles the session's tab and pays the orders
 * it covers. Refunds are shown on the order, or, for a share of a bill, on the tab. Whether a restaurant takes
 * payments online is kept too. Each event once.
 */
@Component
class PaymentEventsListener {

    private final Inbox inbox;
    private final Ordering ordering;
    private final ApplicationEventPublisher inProcess;
    private final OnlinePayments onlinePayments;

    PaymentEventsListener(Inbox inbox, Ordering ordering, ApplicationEventPublisher inProcess,
            OnlinePayments onlinePayments) {
        this.inbox = inbox;
        this.ordering = ordering;
        this.inProcess = inProcess;
        this.onlinePayments = onlinePayments;
    }

    @KafkaListener(topics = "payment.events")
    void on(String message) {
        inbox.process(message, "order-payments", PaymentSucceeded.class, paid -> {
            if (paid.orderId() != null) {
                ordering.paymentSucceeded(paid.orderId(), paid.succeededAt());
            }
        });
        inbox.process(message, "order-payment-expiries", PaymentExpired.class, expired -> {
            if (expired.orderId() != null) {
                ordering.paymentExpired(expired.orderId(), expired.expiredAt());
            }
        });
        inbox.process(message, "order-tab-settlements", TableBillSettled.class, inProcess::publishEvent);
        inbox.process(message, "order-refunds", PaymentRefunded.class, refunded -> {
            if (refunded.orderId() != null) {
                ordering.refunded(refunded.orderId(), refunded.refundedTotal());
            }
            else {
                inProcess.publishEvent(refunded);
            }
        });
        inbox.process(message, "order-online-payments", MerchantAccountChanged.class, onlinePayments::record);
    }
}
