package io.urop.menu.model;

import java.util.List;
import java.util.UUID;

/**
 * What a diner asks for on one order line: an item, its size (null for an item without sizes), how
 * many, and every option chosen. Defaults are not implied: the client preselects the default
 * options in its UI and sends the complete selection, so what is priced is exactly what was seen.
 */
public record LineSelection(UUID itemId, UUID sizeId, int quantity, List<OptionChoice> choices) {

    public LineSelection {
        choices = Copies.list(choices);
    }
}
