package io.urop.menu.model;

import java.util.List;
import java.util.UUID;

/**
 * One option chosen in one group, {@code quantity} times ("2x cheese" is one choice of quantity 2),
 * optionally with a pre-modifier (null for none), and the choices made in the groups nested under
 * that option. A {@code NO} choice ("no onions") has quantity 1 and no nested choices.
 */
public record OptionChoice(UUID groupId, UUID optionId, int quantity, PreModifier preModifier, List<OptionChoice> choices) {

    public OptionChoice {
        choices = Copies.list(choices);
    }
}
