package io.urop.menu.model;

import java.util.Set;
import java.util.UUID;

/**
 * The "86" overlay: items and options that ran out, kept apart from the snapshot because it changes
 * during service without a new menu version. An option id is 86'd wherever it appears, so one
 * entry takes "avocado" off every item that offers it.
 */
public record Availability(Set<UUID> unavailableItems, Set<UUID> unavailableOptions) {

    public static final Availability ALL_AVAILABLE = new Availability(Set.of(), Set.of());

    public Availability {
        unavailableItems = Copies.set(unavailableItems);
        unavailableOptions = Copies.set(unavailableOptions);
    }

    public boolean isItemAvailable(UUID itemId) {
        return !unavailableItems.contains(itemId);
    }

    public boolean isOptionAvailable(UUID optionId) {
        return !unavailableOptions.contains(optionId);
    }
}
