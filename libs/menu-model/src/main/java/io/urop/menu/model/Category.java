package io.urop.menu.model;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A section of the menu ("Starters", "Drinks") with its items in display order. A category listing
 * dayparts is only served during one of them (an empty set means always), on top of any dayparts
 * its items list themselves. The description is optional.
 */
public record Category(UUID id, LocalizedText name, LocalizedText description, Set<UUID> daypartIds, List<Item> items) {

    public Category {
        daypartIds = Copies.set(daypartIds);
        items = Copies.list(items);
    }
}
