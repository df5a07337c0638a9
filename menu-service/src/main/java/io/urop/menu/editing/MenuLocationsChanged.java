package io.urop.menu.editing;

import java.util.Set;
import java.util.UUID;

/**
 * The locations that serve another menu, or none, since a menu was created or moved (an application event, published
 * in the transaction).
 */
public record MenuLocationsChanged(UUID menuId, Set<UUID> locationIds) {

    public MenuLocationsChanged {
        locationIds = Set.copyOf(locationIds);
    }
}
