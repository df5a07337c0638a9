package io.urop.notification.delivery;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.urop.contracts.Role;
import io.urop.security.CurrentUser;
import io.urop.tenancy.TenantContext;
import io.urop.web.Paged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Sends the messages that events ask for, each once, and logs every attempt. A message already sent for its event (a
 * redelivery, or a retry of an event whose other message failed) is not sent again. A failure is logged and thrown,
 * so that the event is retried with back-off and parked on its topic's {@code .DLT} when it keeps failing. A recipient
 * the server refused for good, or whose email bounced later, is recorded, and the tenant's later messages to it are
 * not even tried.
 */
@Service
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final Map<Channel, Courier> couriers = new EnumMap<>(Channel.class);
    private final DeliveryLog deliveryLog;
    private final MeterRegistry meters;

    Deliveries(List<Courier> couriers, DeliveryLog deliveryLog, MeterRegistry meters) {
        couriers.forEach(courier -> this.couriers.put(courier.channel(), courier));
        this.deliveryLog = deliveryLog;
        this.meters = meters;
    }

    /** @param eventId the event that asks for the message: with the channel and recipient, the message's identity */
    public void deliver(UUID eventId, Message message) {
        if (deliveryLog.statusOf(eventId, message).filter(status -> status != DeliveryStatus.FAILED).isPresent()) {
            return;
        }
        if (deliveryLog.isRefused(message)) {
            settle(eventId, message, DeliveryStatus.SUPPRESSED, "refused before", null);
            return;
        }
        Courier courier = couriers.get(message.channel());
        if (courier == null) {
            throw new IllegalStateException("No courier for " + message.channel());
        }
        String providerId;
        try {
            providerId = courier.send(message);
        }
        catch (RecipientRefusedException e) {
            log.info("{} {} refused for good: {}", message.channel(), message.kind(), e.getMessage());
            deliveryLog.refuse(message.tenantId(), message.channel(), message.to(), e.getMessage());
            settle(eventId, message, DeliveryStatus.REFUSED, e.getMessage(), null);
            return;
        }
        catch (RuntimeException e) {
            settle(eventId, message, DeliveryStatus.FAILED, describe(e), null);
            throw e;
        }
        settle(eventId, message, DeliveryStatus.SENT, null, providerId);
    }

    /**
     * A tenant's email bounced for one of its recipients, for good: the delivery is marked so, and the address is
     * refused from now on. A report of an email this service did not send changes nothing.
     */
    public void bounced(UUID tenantId, String messageId, String recipient, String reason) {
        TenantContext.runAs(tenantId, () -> deliveryLog.bounced(messageId, recipient, reason).ifPresent(sentTo -> {
            deliveryLog.refuse(tenantId, Channel.EMAIL, sentTo, reason);
            meters.counter("urop.notification.bounces").increment();
        }));
    }

    /** The tenant's delivery log, newest first, for its owner and the managers of all its locations. */
    public Paged<Delivery> log(CurrentUser user, Optional<DeliveryStatus> status, int page, int size) {
        // the log is the whole tenant's (staff's emails too, every location's diners): not a single location's manager's
        if (!user.hasRole(Role.OWNER) && !(user.hasRole(Role.MANAGER) && user.locations().isEmpty())) {
            throw new AccessDeniedException("Only the restaurant's owner and its managers of every location see "
                    + "its delivery log");
        }
        return deliveryLog.newest(status, page, size);
    }

    private void settle(UUID eventId, Message message, DeliveryStatus status, String error, String providerId) {
        deliveryLog.record(eventId, message, status, error, providerId);
        meters.counter("urop.notification.deliveries", "channel", message.channel().name(), "kind", message.kind(),
                "status", status.name()).increment();
    }

    private static String describe(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return detail.length() > 500 ? detail.substring(0, 500) : detail;
    }
}
