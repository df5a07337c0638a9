package io.urop.menu.model;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A section of the menu ("Starters", "Drinks") with its items in display order. A category listing
 * dayparts is only served during one of them (an empty set means always), on top of any dayparts
 * its items list themselves. The description is optional. A category naming a {@code station} routes
 * its items there ("Drinks" to the bar), unless an item names its own; null when each item names one.
 */
public record Category(UUID id, LocalizedText name, LocalizedText description, Set<UUID> daypartIds, List<Item> items,
        String station) {

    public Category {
        daypartIds = Copies.set(daypartIds);
        items = Copies.list(items);
    }

    /** A category whose items name their own stations. */
    public Category(UUID id, LocalizedText name, LocalizedText description, Set<UUID> daypartIds, List<Item> items) {
        this(id, name, description, daypartIds, items, null);
    }

    /** The same category with these items. */
    public Category withItems(List<Item> newItems) {
        return new Category(id, name, description, daypartIds, newItems, station);
    }

    /** Where one of its items is made: the item's own station, else the category's. */
    public String stationOf(Item item) {
        return item.station() != null && !item.station().isBlank() ? item.station() : station;
    }
}
