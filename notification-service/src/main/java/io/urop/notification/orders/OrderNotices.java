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
 * still on its way) may be given a contact too: a diner's is bound to its session, and the messages go out only if
 * the order turns out to be that session's.
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
        contacts.find(orderId).filter(given -> !mayReach(user, session, given)).ifPresent(given -> {
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

    @Transactional(readOnly = true)
    public OrderContact read(CurrentUser user, UUID orderId) {
        Optional<UUID> session = sessionOf(user);
        return contacts.find(orderId).filter(contact -> mayReach(user, session, contact))
                .orElseThrow(() -> new NotFoundException("No contact for this order"));
    }

    /** Nothing more is sent about the order. */
    @Transactional
    public void withdraw(CurrentUser user, UUID orderId) {
        contacts.delete(read(user, orderId).orderId());
    }

    private boolean mayReach(CurrentUser user, Optional<UUID> session, OrderContact contact) {
        if (session.isPresent() && !session.get().equals(contact.tableSessionId())) {
            return false;
        }
        return orders.find(contact.orderId())
                .map(order -> reaches(user, session, order.tableSessionId(), order.locationId())).orElse(true);
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
