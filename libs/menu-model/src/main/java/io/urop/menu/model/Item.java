package io.urop.menu.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Something a diner can order. Its price is {@code price}, unless it has sizes: then the chosen
 * size's price replaces it and {@code price} must be 0. The station routes it to a kitchen ticket
 * ({@code grill}, {@code bar}), and {@code prepMinutes}, how long one portion takes there in whole
 * minutes, lets order-service pace the kitchen; null when unknown. {@code calories} and
 * {@code imageKey} (an S3 object key) may be null;
 * an empty {@code daypartIds} means the item is served whenever its category is.
 * {@code preModifiersAllowed} switches on "no / light / extra / on the side" for its options.
 */
public record Item(
        UUID id,
        LocalizedText name,
        LocalizedText description,
        long price,
        List<Size> sizes,
        String station,
        Integer prepMinutes,
        Set<Allergen> allergens,
        Set<DietaryTag> dietaryTags,
        Integer calories,
        String imageKey,
        Set<UUID> daypartIds,
        boolean preModifiersAllowed,
        List<ModifierGroup> modifierGroups) {

    public Item {
        sizes = Copies.list(sizes);
        allergens = Copies.enumSet(allergens, Allergen.class);
        dietaryTags = Copies.enumSet(dietaryTags, DietaryTag.class);
        daypartIds = Copies.set(daypartIds);
        modifierGroups = Copies.list(modifierGroups);
    }

    public boolean hasSizes() {
        return !sizes.isEmpty();
    }

    public Optional<Size> size(UUID sizeId) {
        return sizes.stream().filter(size -> size.id().equals(sizeId)).findFirst();
    }

    /** One of this item's own groups (not a nested one). */
    public Optional<ModifierGroup> modifierGroup(UUID groupId) {
        return modifierGroups.stream().filter(group -> group.id().equals(groupId)).findFirst();
    }
}
