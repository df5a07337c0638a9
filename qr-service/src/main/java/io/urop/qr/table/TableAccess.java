package io.urop.qr.table;

import java.util.UUID;

import io.urop.security.CurrentUser;
import io.urop.contracts.Role;
import io.urop.web.NotFoundException;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with a location's areas and tables: owners everything, managers at the locations they run,
 * the rest of the staff read. A location beyond the caller's reach is not found, like another tenant's.
 */
public final class TableAccess {

    private TableAccess() {
    }

    public static void requireReader(CurrentUser user, UUID locationId) {
        if (Role.staff().stream().noneMatch(user::hasRole)) {
            throw new AccessDeniedException("Only the restaurant's staff see its tables");
        }
        if (!user.mayAccessLocation(locationId)) {
            throw new NotFoundException("No such location");
        }
    }

    public static void requireManager(CurrentUser user, UUID locationId) {
        requireReader(user, locationId);
        if (!user.hasAnyRole(Role.OWNER, Role.MANAGER)) {
            throw new AccessDeniedException("Owners and managers set up areas and tables");
        }
    }
}
