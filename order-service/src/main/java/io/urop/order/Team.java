package io.urop.order;

import io.urop.contracts.Role;
import io.urop.security.CurrentUser;

import org.springframework.security.access.AccessDeniedException;

/** The restaurant's people order-service's rules name: who may do what, each team answering 403 to anyone else. */
public enum Team {
    /** Owners and managers: a location's settings. */
    MANAGERS(Role.OWNER, Role.MANAGER),
    /** Those who serve: they take, correct, cancel and close orders. */
    FRONT_OF_HOUSE(Role.OWNER, Role.MANAGER, Role.STAFF),
    /** Everyone at work in the restaurant, the kitchen included. */
    KITCHEN_OR_FRONT(Role.OWNER, Role.MANAGER, Role.STAFF, Role.KITCHEN);

    private final Role[] roles;

    Team(Role... roles) {
        this.roles = roles;
    }

    public boolean includes(CurrentUser user) {
        return user.hasAnyRole(roles);
    }

    /** @throws AccessDeniedException 403 for anyone not in the team */
    public void require(CurrentUser user) {
        if (!includes(user)) {
            throw new AccessDeniedException("Your role may not do this");
        }
    }
}
