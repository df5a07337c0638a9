package io.urop.menu.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A snapshot is shared by every request that prices from it, so nobody may change it underneath the others. */
class ModelTest {

    @Test
    void recordsKeepTheirOwnCopies() {
        List<Item> items = new ArrayList<>(List.of(Fixtures.item("Soup").build()));
        Set<UUID> dayparts = new HashSet<>();
        Category category = new Category(UUID.randomUUID(), LocalizedText.of("Soups"), null, dayparts, items);

        items.clear();
        dayparts.add(UUID.randomUUID());

        assertThat(category.items()).hasSize(1);
        assertThat(category.daypartIds()).isEmpty();
    }

    @Test
    void collectionsCannotBeChanged() {
        Map<String, String> translations = new HashMap<>(Map.of("de", "Suppe"));
        LocalizedText name = new LocalizedText("Soup", translations);
        MenuSnapshot snapshot = RichMenu.build();
        Item burger = snapshot.categories().get(0).items().get(0);

        assertThatThrownBy(() -> name.translations().put("fr", "Soupe")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> snapshot.categories().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> burger.allergens().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> burger.modifierGroups().get(1).options().get(0).preModifiers().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void absentCollectionsAreEmpty() {
        Item item = new Item(UUID.randomUUID(), LocalizedText.of("Soup"), null, 650, null, "grill", null, null, null, null, null, null, false, null);

        assertThat(item.sizes()).isEmpty();
        assertThat(item.allergens()).isEmpty();
        assertThat(item.dietaryTags()).isEmpty();
        assertThat(item.daypartIds()).isEmpty();
        assertThat(item.modifierGroups()).isEmpty();
        assertThat(item.daypartIds().contains(null)).isFalse();
        assertThat(new Availability(null, null)).isEqualTo(Availability.ALL_AVAILABLE);
    }

    @Test
    void anInvalidSelectionAlwaysSaysWhy() {
        assertThatThrownBy(() -> new InvalidSelection(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
