package io.urop.menu.diner;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.urop.menu.model.Allergen;
import io.urop.menu.model.DietaryTag;
import io.urop.menu.model.GroupMode;
import io.urop.menu.model.PreModifier;

/**
 * A location's live menu as a diner's phone shows it: in one language, only what is served now, with what ran
 * out marked unavailable (still shown, so nobody wonders where the soup went). Prices in minor units of
 * {@code currency}.
 */
public record DinerMenu(UUID locationId, UUID menuId, int version, String currency, String language,
        List<Category> categories) {

    public record Category(UUID id, String name, String description, List<Item> items) {
    }

    /** @param image the picture's URL at each standard width, or null */
    public record Item(UUID id, String name, String description, long price, List<Size> sizes,
            Set<Allergen> allergens, Set<DietaryTag> dietaryTags, Integer calories, Map<Integer, URI> image,
            boolean available, boolean preModifiersAllowed, List<Group> modifierGroups) {
    }

    public record Size(UUID id, String name, long price) {
    }

    public record Group(UUID id, String name, int min, int max, GroupMode mode, int maxFree, List<Option> options) {
    }

    public record Option(UUID id, String name, long priceDelta, Map<UUID, Long> sizePriceDeltas, boolean isDefault,
            int maxQuantity, Map<PreModifier, Long> preModifiers, boolean available, List<Group> modifierGroups) {
    }
}
