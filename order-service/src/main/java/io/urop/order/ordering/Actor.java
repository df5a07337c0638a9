package io.urop.order.ordering;

import io.urop.contracts.Role;
import io.urop.security.CurrentUser;

/**
 * Who moved an order on, as its history records it: a person or diner ({@code subject} of their token) acting in
 * their most senior role, or order-service itself ({@link #SYSTEM}) acting on an event.
 */
public record Actor(String subject, String role) {

    public static final Actor SYSTEM = new Actor("system", "SYSTEM");

    private static final Role[] SENIORITY = {Role.OWNER, Role.MANAGER, Role.STAFF, Role.KITCHEN, Role.DINER,
            Role.PLATFORM_ADMIN, Role.SERVICE};

    public static Actor of(CurrentUser user) {
        for (Role role : SENIORITY) {
            if (user.hasRole(role)) {
                return new Actor(user.subject(), role.name());
            }
        }
        return new Actor(user.subject(), "UNKNOWN");
    }

    boolean isDiner() {
        return Role.DINER.name().equals(role);
    }
}
