package io.urop.menu.access;

import java.util.Set;
import java.util.UUID;

import io.urop.security.CurrentUser;
import io.urop.contracts.Role;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with menus: owners everything; managers build and publish the menus of the locations they
 * run (a menu also served elsewhere is the owner's); staff and kitchen read them and mark what ran out.
 */
public final class MenuAccess {

    private MenuAccess() {
    }

    public static void requireEditor(CurrentUser user, Set<UUID> menuLocations) {
        if (user.hasRole(Role.OWNER)) {
            return;
        }
        if (!user.hasRole(Role.MANAGER) || !user.reachesAllOf(menuLocations)) {
            throw new AccessDeniedException("Owners, and managers of every location the menu serves, edit menus");
        }
    }

    /** Owners and managers, whatever locations they run: for what belongs to no menu yet (a picture). */
    public static void requireBuilder(CurrentUser user) {
        if (!user.hasAnyRole(Role.OWNER, Role.MANAGER)) {
            throw new AccessDeniedException("Owners and managers build menus");
        }
    }

    public static void requireStaff(CurrentUser user) {
        if (Role.staff().stream().noneMatch(user::hasRole)) {
            throw new AccessDeniedException("Only the tenant's staff read its menus");
        }
    }
}
