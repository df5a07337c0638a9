package io.urop.menu.model;

import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Whether a diner can order an item right now, for rendering the menu ("sold out", "from 18:00")
 * and for pricing alike. An item outside its dayparts reports {@code NOT_SERVED_NOW} even when it is
 * also 86'd: the serving window is the lasting reason, the 86 is usually lifted before it opens.
 */
public enum Orderability {
    ORDERABLE,
    UNKNOWN_ITEM,
    NOT_SERVED_NOW,
    UNAVAILABLE;

    /** @param localTime now, in the location's time zone */
    public static Orderability of(MenuIndex menu, Availability availability, ZonedDateTime localTime, UUID itemId) {
        Item item = menu.item(itemId).orElse(null);
        if (item == null) {
            return UNKNOWN_ITEM;
        }
        if (!menu.isServedAt(item, localTime)) {
            return NOT_SERVED_NOW;
        }
        return availability.isItemAvailable(itemId) ? ORDERABLE : UNAVAILABLE;
    }

    public boolean orderable() {
        return this == ORDERABLE;
    }
}
