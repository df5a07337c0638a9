package io.urop.menu.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.urop.menu.TestMenus;
import io.urop.menu.editing.MenuDraft;
import io.urop.menu.model.Category;
import io.urop.menu.model.Item;
import io.urop.menu.model.LocalizedText;
import io.urop.menu.model.MenuSnapshot;
import io.urop.menu.publishing.MenuDiff.Change;
import io.urop.menu.publishing.MenuDiff.Kind;
import io.urop.menu.publishing.MenuDiff.Part;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MenuDiffTest {

    static final UUID MENU = UUID.randomUUID();
    static final UUID DESSERTS = UUID.randomUUID();

    @Test
    void anUnchangedMenuHasNoChanges() {
        assertThat(MenuDiff.between(snapshot(TestMenus.bistro("Burger")), snapshot(TestMenus.bistro("Burger")))).isEmpty();
    }

    @Test
    void namesTheItemsAddedRemovedAndChangedWithTheirFields() {
        MenuDraft before = TestMenus.bistro("Burger");
        Category mains = before.categories().get(0);
        Item burger = mains.items().get(0);
        Item bigger = new Item(burger.id(), LocalizedText.of("Big burger"), burger.description(), 1690, burger.sizes(),
                burger.station(), burger.prepMinutes() + 4, burger.allergens(), burger.dietaryTags(), burger.calories(),
                burger.imageKey(), burger.daypartIds(), burger.preModifiersAllowed(), burger.modifierGroups());
        Item cake = new Item(UUID.randomUUID(), LocalizedText.of("Cake"), null, 550, List.of(), "pastry", null,
                burger.allergens(), burger.dietaryTags(), null, null, burger.daypartIds(), false, List.of());
        Category desserts = new Category(DESSERTS, LocalizedText.of("Desserts"), null, mains.daypartIds(), List.of(cake));
        MenuDraft after = new MenuDraft("EUR", "en", List.of(), List.of(
                new Category(mains.id(), mains.name(), mains.description(), mains.daypartIds(), List.of(bigger)),
                desserts));

        List<Change> changes = MenuDiff.between(snapshot(before), snapshot(after));

        assertThat(changes).containsExactly(
                new Change(Kind.ADDED, Part.CATEGORY, DESSERTS, "Desserts", List.of()),
                new Change(Kind.REMOVED, Part.ITEM, TestMenus.SOUP, "Soup of the day", List.of()),
                new Change(Kind.CHANGED, Part.ITEM, burger.id(), "Big burger", List.of("name", "price", "prepMinutes")),
                new Change(Kind.ADDED, Part.ITEM, cake.id(), "Cake", List.of()));
    }

    @Test
    void anItemMovedToAnotherCategoryAndAChangedCurrencyAreChanges() {
        MenuDraft before = TestMenus.bistro("Burger");
        Category mains = before.categories().get(0);
        List<Item> rest = new ArrayList<>(mains.items());
        Item soup = rest.remove(1);
        MenuDraft after = new MenuDraft("CHF", "en", List.of(), List.of(
                new Category(mains.id(), mains.name(), null, mains.daypartIds(), rest),
                new Category(DESSERTS, new LocalizedText("Starters", Map.of()), null, mains.daypartIds(), List.of(soup))));

        List<Change> changes = MenuDiff.between(snapshot(before), snapshot(after));

        assertThat(changes).contains(new Change(Kind.CHANGED, Part.MENU, MENU, null, List.of("currency")),
                new Change(Kind.CHANGED, Part.ITEM, soup.id(), "Soup of the day", List.of("categoryId")));
    }

    private static MenuSnapshot snapshot(MenuDraft draft) {
        return draft.toSnapshot(MENU, UUID.randomUUID(), 1, Instant.EPOCH);
    }
}
