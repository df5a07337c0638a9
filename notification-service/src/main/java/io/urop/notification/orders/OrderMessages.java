package io.urop.notification.orders;

import java.util.UUID;
import java.util.function.BiConsumer;

import io.urop.events.EventCodec;
import io.urop.events.order.OrderCompleted;
import io.urop.events.order.OrderPlaced;
import io.urop.events.order.OrderReady;
import io.urop.events.payment.PaymentSucceeded;
import io.urop.events.tenant.LocationChanged;
import io.urop.messaging.inbox.Inbox;
import io.urop.notification.delivery.Channel;
import io.urop.notification.delivery.Deliveries;
import io.urop.notification.sms.SmsProperties;
import io.urop.notification.template.MessageKind;
import io.urop.notification.template.MessageTemplates;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The messages about orders, to whoever gave a contact for one ({@link OrderNotices}): "your order is ready" by email
 * and SMS (while the platform sends SMS) on {@code order.ready}, and the receipt by email once the order is paid: on {@code payment.succeeded} for an
 * order paid as it was placed (its tip included), on {@code order.completed} for one paid on a tab or at the counter.
 * A consumer group of its own, apart from the pushes', so that a mail server's outage, whose events are retried for
 * minutes, never holds up a kitchen's tickets.
 */
@Component
class OrderMessages {

    static final String GROUP = "notification-service-messages";

    private final Inbox inbox;
    private final EventCodec codec;
    private final PlacedOrders orders;
    private final OrderContacts contacts;
    private final MessageTemplates templates;
    private final Deliveries deliveries;
    private final SmsProperties sms;

    OrderMessages(Inbox inbox, EventCodec codec, PlacedOrders orders, OrderContacts contacts,
            MessageTemplates templates, Deliveries deliveries, SmsProperties sms) {
        this.inbox = inbox;
        this.codec = codec;
        this.orders = orders;
        this.contacts = contacts;
        this.templates = templates;
        this.deliveries = deliveries;
        this.sms = sms;
    }

    @KafkaListener(topics = "order.events", groupId = GROUP)
    void onOrder(String message) {
        UUID eventId = codec.decode(message).eventId();
        inbox.process(message, "messages-order-placed", OrderPlaced.class,
                placed -> orders.keep(placed.tenantId(), PlacedOrder.of(placed)));
        inbox.process(message, "messages-order-ready", OrderReady.class,
                ready -> tell(ready.tenantId(), ready.orderId(), (contact, order) -> {
                    OrderValues values = values(order, contact);
                    if (contact.email() != null) {
                        send(eventId, ready.tenantId(), MessageKind.ORDER_READY, Channel.EMAIL, contact, values);
                    }
                    if (contact.phone() != null && sms.enabled()) {
                        send(eventId, ready.tenantId(), MessageKind.ORDER_READY, Channel.SMS, contact, values);
                    }
                }));
        inbox.process(message, "messages-order-completed", OrderCompleted.class,
                completed -> tell(completed.tenantId(), completed.orderId(), (contact, order) -> {
                    if (!order.paidWhenPlaced() && contact.email() != null) {
                        send(eventId, completed.tenantId(), MessageKind.RECEIPT, Channel.EMAIL, contact,
                                values(order, contact).paid(order.total()));
                    }
                }));
    }

    @KafkaListener(topics = "payment.events", groupId = GROUP)
    void onPayment(String message) {
        UUID eventId = codec.decode(message).eventId();
        inbox.process(message, "messages-payment-succeeded", PaymentSucceeded.class, paid -> {
            if (paid.orderId() != null) {
                tell(paid.tenantId(), paid.orderId(), (contact, order) -> {
                    if (contact.email() != null) {
                        send(eventId, paid.tenantId(), MessageKind.RECEIPT, Channel.EMAIL, contact,
                                values(order, contact).paid(paid.amount()));
                    }
                });
            }
        });
    }

    @KafkaListener(topics = "tenant.events", groupId = GROUP)
    void onTenant(String message) {
        inbox.process(message, "messages-location-changed", LocationChanged.class, location -> orders.keepLocation(
                location.tenantId(), location.locationId(), location.name(), location.timeZone(), location.version()));
    }

    private void tell(UUID tenantId, UUID orderId, BiConsumer<OrderContact, PlacedOrder> message) {
        if (!contacts.anyFor(orderId)) {
            return;
        }
        // an order's events share its partition, so its order.placed came first; a payment's event may come sooner,
        // and is retried with back-off until it has (parked on payment.events.DLT, to replay, if it never does)
        PlacedOrder order = orders.find(orderId)
                .orElseThrow(() -> new IllegalStateException("Order " + orderId + " of " + tenantId
                        + " is not known yet"));
        contacts.toTell(orderId, order.tableSessionId()).ifPresent(contact -> message.accept(contact, order));
    }

    private OrderValues values(PlacedOrder order, OrderContact contact) {
        return OrderValues.of(order, orders.location(order.locationId()), contact.language());
    }

    private void send(UUID eventId, UUID tenantId, MessageKind kind, Channel channel, OrderContact contact,
            OrderValues values) {
        String to = channel == Channel.SMS ? contact.phone() : contact.email();
        deliveries.deliver(eventId, templates.write(tenantId, kind, channel, contact.language(), to, values.asMap()));
    }
}
