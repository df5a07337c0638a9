package io.urop.menu.model;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A snapshot with look-up tables, built once per menu version and shared (it is immutable): item
 * by id, the category of an item, daypart by id, and whether an item or category is served at a
 * given time. Pricing and rendering take this rather than the bare snapshot so a 300-item menu is
 * not searched per line. If an unvalidated snapshot repeats an id, the first occurrence wins.
 */
public final class MenuIndex {

    private final MenuSnapshot snapshot;
    private final Map<UUID, Item> items = new HashMap<>();
    private final Map<UUID, Category> categoryOfItem = new HashMap<>();
    private final Map<UUID, Daypart> dayparts = new HashMap<>();

    private MenuIndex(MenuSnapshot snapshot) {
        this.snapshot = snapshot;
        for (Daypart daypart : snapshot.dayparts()) {
            dayparts.putIfAbsent(daypart.id(), daypart);
        }
        for (Category category : snapshot.categories()) {
            for (Item item : category.items()) {
                if (items.putIfAbsent(item.id(), item) == null) {
                    categoryOfItem.put(item.id(), category);
                }
            }
        }
    }

    public static MenuIndex of(MenuSnapshot snapshot) {
        return new MenuIndex(snapshot);
    }

    public MenuSnapshot snapshot() {
        return snapshot;
    }

    public Optional<Item> item(UUID itemId) {
        return Optional.ofNullable(items.get(itemId));
    }

    public Optional<Category> categoryOf(UUID itemId) {
        return Optional.ofNullable(categoryOfItem.get(itemId));
    }

    /** Where an item of this menu is made: its own station, else its category's. */
    public String stationOf(Item item) {
        Category category = categoryOfItem.get(item.id());
        return category == null ? item.station() : category.stationOf(item);
    }

    public Optional<Daypart> daypart(UUID daypartId) {
        return Optional.ofNullable(dayparts.get(daypartId));
    }

    /** Whether the category's own dayparts (if any) include this local time. */
    public boolean isServedAt(Category category, ZonedDateTime localTime) {
        return servedDuringAny(category.daypartIds(), localTime);
    }

    /**
     * Whether the item may be ordered at this local time as far as dayparts go: both its category's
     * dayparts and its own must allow it (an empty set allows always). An item of another menu is
     * never served; a daypart id this menu does not have never matches.
     */
    public boolean isServedAt(Item item, ZonedDateTime localTime) {
        Category category = categoryOfItem.get(item.id());
        return category != null
                && servedDuringAny(category.daypartIds(), localTime)
                && servedDuringAny(item.daypartIds(), localTime);
    }

    private boolean servedDuringAny(Set<UUID> daypartIds, ZonedDateTime localTime) {
        if (daypartIds.isEmpty()) {
            return true;
        }
        for (UUID daypartId : daypartIds) {
            Daypart daypart = dayparts.get(daypartId);
            if (daypart != null && daypart.isServedAt(localTime)) {
                return true;
            }
        }
        return false;
    }
}
