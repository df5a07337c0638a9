package io.urop.menu.location;

import io.urop.events.tenant.LocationChanged;

/** Who may read a location's published menu: tenant-service's location setting {@code menuAccess}. */
public enum MenuAudience {
    /** Anyone, with or without a token. */
    PUBLIC,
    /** Diners holding a diner token for that location (seated at one of its tables), and the tenant's staff. */
    TABLE_GUESTS;

    /** A value announced by a newer tenant-service that this one does not know keeps the menu closed, not open. */
    public static MenuAudience announced(LocationChanged.MenuAccess menuAccess) {
        return menuAccess == LocationChanged.MenuAccess.PUBLIC ? PUBLIC : TABLE_GUESTS;
    }
}
