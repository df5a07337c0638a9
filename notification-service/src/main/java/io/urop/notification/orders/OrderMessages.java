package io.urop.notification.orders;

import java.util.UUID;
import java.util.function.BiConsumer;

import io.urop.events.EventCodec;
import io.urop.events.EventEnvelope;
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
import io.urop.tenancy.TenantContext;

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

    private static final String PLACED = typeOf(OrderPlaced.class);
    private static final String READY = typeOf(OrderReady.class);
    private static final String COMPLETED = typeOf(OrderCompleted.class);
    private static final String PAID = typeOf(PaymentSucceeded.class);
    private static final String LOCATION_CHANGED = typeOf(LocationChanged.class);

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
        EventEnvelope event = codec.decode(message);
        if (PLACED.equals(event.type())) {
            // kept once whatever Kafka delivers again (on conflict, nothing): no inbox needed for every order
            OrderPlaced placed = codec.payload(event, OrderPlaced.class);
            TenantContext.runAs(placed.tenantId(), () -> orders.keep(placed.tenantId(), PlacedOrder.of(placed)));
        }
        else if (READY.equals(event.type())) {
            OrderReady ready = codec.payload(event, OrderReady.class);
            once(message, "messages-order-ready", OrderReady.class, ready.tenantId(), ready.orderId(),
                    (contact, order) -> tellReady(event, ready.tenantId(), contact, order));
        }
        else if (COMPLETED.equals(event.type())) {
            OrderCompleted completed = codec.payload(event, OrderCompleted.class);
            once(message, "messages-order-completed", OrderCompleted.class, completed.tenantId(),
                    completed.orderId(), (contact, order) -> {
                        if (!order.paidWhenPlaced()) {
                            sendReceipt(event, completed.tenantId(), contact, order, order.total());
                        }
                    });
        }
    }

    @KafkaListener(topics = "payment.events", groupId = GROUP)
    void onPayment(String message) {
        EventEnvelope event = codec.decode(message);
        if (PAID.equals(event.type())) {
            PaymentSucceeded paid = codec.payload(event, PaymentSucceeded.class);
            if (paid.orderId() != null) {
                once(message, "messages-payment-succeeded", PaymentSucceeded.class, paid.tenantId(),
                        paid.orderId(), (contact, order) -> sendReceipt(event, paid.tenantId(), contact, order,
                                paid.amount()));
            }
        }
    }

    @KafkaListener(topics = "tenant.events", groupId = GROUP)
    void onTenant(String message) {
        EventEnvelope event = codec.decode(message);
        if (LOCATION_CHANGED.equals(event.type())) {
            // kept by version, so an event delivered again or late changes nothing: no inbox needed
            LocationChanged location = codec.payload(event, LocationChanged.class);
            TenantContext.runAs(location.tenantId(), () -> orders.keepLocation(location.tenantId(),
                    location.locationId(), location.name(), location.timeZone(), location.version()));
        }
    }

    /**
     * Tells the order's contact, once per event (the inbox). Most orders have no contact: their events are passed over
     * with one read, without the inbox's transaction and row (a contact given later hears only of what comes later).
     */
    private <T> void once(String message, String consumer, Class<T> contract, UUID tenantId, UUID orderId,
            BiConsumer<OrderContact, PlacedOrder> telling) {
        if (TenantContext.callAs(tenantId, () -> contacts.anyFor(orderId))) {
            inbox.process(message, consumer, contract, sameEvent -> tell(tenantId, orderId, telling));
        }
    }

    private void tellReady(EventEnvelope event, UUID tenantId, OrderContact contact, PlacedOrder order) {
        OrderValues values = values(order, contact);
        if (contact.email() != null) {
            send(event.eventId(), tenantId, MessageKind.ORDER_READY, Channel.EMAIL, contact, values);
        }
        if (contact.phone() != null && sms.enabled()) {
            send(event.eventId(), tenantId, MessageKind.ORDER_READY, Channel.SMS, contact, values);
        }
    }

    /** @param paid what was paid for it, tip included */
    private void sendReceipt(EventEnvelope event, UUID tenantId, OrderContact contact, PlacedOrder order, long paid) {
        if (contact.email() != null) {
            send(event.eventId(), tenantId, MessageKind.RECEIPT, Channel.EMAIL, contact,
                    values(order, contact).paid(paid));
        }
    }

    private static String typeOf(Class<?> contract) {
        return EventCodec.contractOf(contract).type();
    }

    private void tell(UUID tenantId, UUID orderId, BiConsumer<OrderContact, PlacedOrder> message) {
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
