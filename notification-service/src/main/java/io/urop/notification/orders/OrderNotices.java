package io.urop.notification.orders;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.urop.contracts.Role;
import io.urop.notification.sms.SmsProperties;
import io.urop.notification.template.Languages;
import io.urop.security.CurrentUser;
import io.urop.web.InvalidFieldException;
import io.urop.web.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a diner, or staff for a takeaway's customer, asks to be told about an order: "it is ready" by email or SMS,
 * and the receipt by email once it is paid. A diner reaches the orders of its own table session only, staff those of
 * the locations they work at; any other order is not found. An order not yet known here (its {@code order.placed}
 * still on its way) may be given a contact too: each is kept apart by the table session that gave it, and the
 * messages go only to the one given from the order's own session (or by staff).
 */
@Service
public class OrderNotices {

    private final OrderContacts contacts;
    private final PlacedOrders orders;
    private final SmsProperties sms;

    OrderNotices(OrderContacts contacts, PlacedOrders orders, SmsProperties sms) {
        this.contacts = contacts;
        this.orders = orders;
        this.sms = sms;
    }

    @Transactional
    public OrderContact give(CurrentUser user, UUID orderId, String email, String phone, String language) {
        Optional<UUID> session = sessionOf(user);
        orders.find(orderId).filter(order -> !reaches(user, session, order.tableSessionId(), order.locationId()))
                .ifPresent(order -> {
                    throw new NotFoundException("No such order");
                });
        if (isBlank(email) && isBlank(phone)) {
            throw new InvalidFieldException("email", "or phone is required: where to tell you");
        }
        if (!isBlank(phone) && !sms.enabled()) {
            throw new InvalidFieldException("phone", "cannot be used: this platform sends no SMS; give an email");
        }
        OrderContact contact = new OrderContact(orderId, session.orElse(null), isBlank(email) ? null : email.strip(),
                isBlank(phone) ? null : phone.strip(), Languages.of(language));
        contacts.save(user.requireTenant(), contact);
        return contact;
    }

    /** A diner's own contact for the order; for staff, the one its messages go to. */
    @Transactional(readOnly = true)
    public OrderContact read(CurrentUser user, UUID orderId) {
        Optional<UUID> session = sessionOf(user);
        Optional<PlacedOrder> order = orders.find(orderId);
        if (order.isPresent() && !reaches(user, session, order.get().tableSessionId(), order.get().locationId())) {
            throw new NotFoundException("No contact for this order");
        }
        Optional<OrderContact> contact = session.isPresent() || order.isEmpty()
                ? contacts.givenFrom(orderId, session.orElse(null))
                : contacts.toTell(orderId, order.get().tableSessionId());
        return contact.orElseThrow(() -> new NotFoundException("No contact for this order"));
    }

    /** Nothing more is sent to that contact about the order. */
    @Transactional
    public void withdraw(CurrentUser user, UUID orderId) {
        contacts.delete(orderId, read(user, orderId).tableSessionId());
    }

    private static boolean reaches(CurrentUser user, Optional<UUID> session, UUID orderSession, UUID location) {
        return session.isPresent() ? Objects.equals(session.get(), orderSession) : user.mayAccessLocation(location);
    }

    /** A diner's table session; empty for staff. */
    private static Optional<UUID> sessionOf(CurrentUser user) {
        if (user.hasRole(Role.DINER)) {
            try {
                return Optional.of(UUID.fromString(Objects.requireNonNull(user.sessionId())));
            }
            catch (IllegalArgumentException | NullPointerException e) {
                throw new AccessDeniedException("A diner's token names no table session");
            }
        }
        if (!user.hasAnyRole(Role.OWNER, Role.MANAGER, Role.STAFF)) {
            throw new AccessDeniedException("Only diners and the restaurant's staff give contacts for orders");
        }
        return Optional.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
