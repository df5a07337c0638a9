package io.urop.menu.publishing;

import java.util.Set;
import java.util.UUID;

/** A menu's next version went live at its locations (an application event, published in the transaction). */
public record VersionPublished(UUID menuId, int version, Set<UUID> locationIds) {

    public VersionPublished {
        locationIds = Set.copyOf(locationIds);
    }
}
