package io.urop.menu.model;

import java.util.UUID;

/**
 * A size of an item ("small", "0.5 l"); choosing it sets the item's price to {@code price}, and
 * options may charge a different delta per size ({@link ModifierOption#sizePriceDeltas()}).
 */
public record Size(UUID id, LocalizedText name, long price) {
}
