package io.urop.menu.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A choice on an item ("Choose your side", "Extra toppings"): the diner picks between {@code min}
 * and {@code max} units from its options, where an option taken twice counts as two picks. The
 * first {@code maxFree} picks cost nothing (the most expensive ones, see {@link LinePricer}).
 */
public record ModifierGroup(
        UUID id,
        LocalizedText name,
        int min,
        int max,
        GroupMode mode,
        int maxFree,
        List<ModifierOption> options) {

    public ModifierGroup {
        options = Copies.list(options);
    }

    public Optional<ModifierOption> option(UUID optionId) {
        return options.stream().filter(option -> option.id().equals(optionId)).findFirst();
    }
}
