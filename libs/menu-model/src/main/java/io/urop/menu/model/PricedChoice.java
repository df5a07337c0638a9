package io.urop.menu.model;

import java.util.List;
import java.util.UUID;

/**
 * One choice of a priced line: {@code unitPrice} is what one unit of the option costs here (size
 * and pre-modifier applied), {@code freeQuantity} how many of its units the group's free picks
 * waived, and {@code charged = (quantity − freeQuantity) × unitPrice}, for this choice alone; its
 * nested choices carry their own charges. A {@code NO} choice is listed (the kitchen must see it)
 * and charges 0.
 */
public record PricedChoice(
        UUID groupId,
        UUID optionId,
        int quantity,
        PreModifier preModifier,
        long unitPrice,
        int freeQuantity,
        long charged,
        List<PricedChoice> choices) {

    public PricedChoice {
        choices = Copies.list(choices);
    }

    /** Whether every unit of this choice was one of the group's free picks. */
    public boolean free() {
        return freeQuantity > 0 && freeQuantity == quantity;
    }
}
