package io.urop.tenant.location;

/** Who may read a location's published menu (menu-service serves it and enforces this). */
public enum MenuAccess {
    /** Anyone, with or without a token: the menu can be browsed from the street or a website. */
    PUBLIC,
    /** Only diners seated at one of the location's tables (a diner token for it), and the tenant's staff. */
    TABLE_GUESTS
}
