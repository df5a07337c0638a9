package io.urop.order.pricing;

import java.util.List;
import java.util.UUID;

import io.urop.menu.model.PreModifier;

/**
 * One choice of an order line as the kitchen and the receipt show it ("2x extra cheese", "NO onions"), named in the
 * menu's default language when it was ordered, with what one unit cost and what the whole choice was charged.
 *
 * @param station another station that must also make it ("also at: bar"); null when made with the item
 */
public record LineChoice(UUID groupId, UUID optionId, String name, int quantity, PreModifier preModifier,
        long unitPrice, long charged, String station, List<LineChoice> choices) {

    public LineChoice {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
