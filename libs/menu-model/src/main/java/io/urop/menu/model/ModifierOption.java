package io.urop.menu.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One answer in a modifier group ("Fries", "Extra cheese"). It adds {@code priceDelta} to the item,
 * or the delta given for the chosen size in {@code sizePriceDeltas}; a chosen pre-modifier replaces
 * that delta with its own ({@code NO} is always 0). {@code isDefault} options are preselected by
 * the client. An option may be taken up to {@code maxQuantity} times ("2x cheese") and may open
 * its own modifier groups, one level deep only. An option naming a {@code station} is also made
 * there, besides the item's own station (a milkshake chosen with a burger: "also at: bar"); null
 * when it is made with the item alone.
 */
public record ModifierOption(
        UUID id,
        LocalizedText name,
        long priceDelta,
        Map<UUID, Long> sizePriceDeltas,
        boolean isDefault,
        int maxQuantity,
        Map<PreModifier, Long> preModifiers,
        String station,
        List<ModifierGroup> modifierGroups) {

    public ModifierOption {
        sizePriceDeltas = Copies.map(sizePriceDeltas);
        preModifiers = Copies.enumMap(preModifiers, PreModifier.class);
        modifierGroups = Copies.list(modifierGroups);
    }

    /**
     * What one unit of this option costs with the given size and pre-modifier (either may be null).
     * It does not check that the pre-modifier is allowed; {@link LinePricer} does.
     */
    public long priceFor(UUID sizeId, PreModifier preModifier) {
        if (preModifier == PreModifier.NO) {
            return 0;
        }
        if (preModifier != null && preModifiers.containsKey(preModifier)) {
            return preModifiers.get(preModifier);
        }
        Long sizeDelta = sizeId == null ? null : sizePriceDeltas.get(sizeId);
        return sizeDelta != null ? sizeDelta : priceDelta;
    }

    /** One of the groups nested under this option. */
    public Optional<ModifierGroup> modifierGroup(UUID groupId) {
        return modifierGroups.stream().filter(group -> group.id().equals(groupId)).findFirst();
    }
}
