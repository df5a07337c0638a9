package io.urop.menu;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.urop.menu.editing.MenuDraft;
import io.urop.menu.model.Allergen;
import io.urop.menu.model.Category;
import io.urop.menu.model.Daypart;
import io.urop.menu.model.DietaryTag;
import io.urop.menu.model.GroupMode;
import io.urop.menu.model.Item;
import io.urop.menu.model.LocalizedText;
import io.urop.menu.model.ModifierGroup;
import io.urop.menu.model.ModifierOption;
import io.urop.menu.model.PreModifier;

/**
 * A small bistro menu (English, with German translations) with fixed ids, so tests can name its parts. Its burger takes
 * {@link #BURGER_PREP_MINUTES} minutes to prepare and its salad side is also made at the {@link #SALAD_STATION} station.
 */
public final class TestMenus {

    public static final UUID MAINS = UUID.fromString("00000000-0000-7000-8000-000000000001");
    public static final UUID BURGER = UUID.fromString("00000000-0000-7000-8000-000000000002");
    public static final UUID SOUP = UUID.fromString("00000000-0000-7000-8000-000000000003");
    public static final UUID SIDES = UUID.fromString("00000000-0000-7000-8000-000000000004");
    public static final UUID FRIES = UUID.fromString("00000000-0000-7000-8000-000000000005");
    public static final UUID SALAD = UUID.fromString("00000000-0000-7000-8000-000000000006");
    public static final UUID BREAKFAST = UUID.fromString("00000000-0000-7000-8000-000000000007");
    public static final UUID NOW = UUID.fromString("00000000-0000-7000-8000-000000000008");
    public static final UUID LATER = UUID.fromString("00000000-0000-7000-8000-000000000009");
    public static final int BURGER_PREP_MINUTES = 12;
    public static final String SALAD_STATION = "cold";

    private TestMenus() {
    }

    public static MenuDraft bistro(String burgerName) {
        ModifierGroup sides = new ModifierGroup(SIDES, text("Side", "Beilage"), 1, 1, GroupMode.REQUIRED, 0, List.of(
                new ModifierOption(FRIES, text("Fries", "Pommes"), 0, Map.of(), true, 1, Map.of(), null, List.of()),
                new ModifierOption(SALAD, text("Salad", "Salat"), 150, Map.of(), false, 1,
                        Map.of(PreModifier.ON_THE_SIDE, 150L), SALAD_STATION, List.of())));
        Item burger = item(BURGER, text(burgerName, "Burger vom Grill"), 1450, BURGER_PREP_MINUTES, Set.of(), List.of(sides));
        Item soup = item(SOUP, text("Soup of the day", "Tagessuppe"), 690, 3, Set.of(), List.of());
        return new MenuDraft("EUR", "en", List.of(), List.of(new Category(MAINS, text("Mains", "Hauptgerichte"),
                null, Set.of(), List.of(burger, soup))));
    }

    /** The bistro menu and {@code soups} more soups, each described in 2,000 characters: about 2 KB of JSON a soup. */
    public static MenuDraft bistroWithSoups(int soups) {
        MenuDraft bistro = bistro("Classic burger");
        Category mains = bistro.categories().get(0);
        List<Item> items = new ArrayList<>(mains.items());
        for (int i = 0; i < soups; i++) {
            items.add(new Item(UUID.randomUUID(), LocalizedText.of("Soup " + i), LocalizedText.of("x".repeat(2_000)),
                    690, List.of(), "kitchen", null, EnumSet.noneOf(Allergen.class), EnumSet.noneOf(DietaryTag.class),
                    null, null, Set.of(), false, List.of()));
        }
        return new MenuDraft(bistro.currency(), bistro.defaultLanguage(), bistro.dayparts(),
                List.of(new Category(mains.id(), mains.name(), mains.description(), mains.daypartIds(), items)));
    }

    /** One item served in a daypart on now (in UTC), one in a daypart that starts in two hours. */
    public static MenuDraft withDayparts(LocalTime nowUtc) {
        Set<DayOfWeek> everyDay = EnumSet.allOf(DayOfWeek.class);
        Daypart on = new Daypart(NOW, "Now", everyDay, nowUtc.minusHours(1), nowUtc.plusHours(1));
        Daypart later = new Daypart(LATER, "Later", everyDay, nowUtc.plusHours(2), nowUtc.plusHours(3));
        Item served = item(SOUP, text("Soup of the day", "Tagessuppe"), 690, 3, Set.of(NOW), List.of());
        Item notYet = item(BREAKFAST, text("Full breakfast", "Frühstück"), 1200, null, Set.of(LATER), List.of());
        return new MenuDraft("EUR", "en", List.of(on, later), List.of(new Category(MAINS, text("Mains", "Hauptgerichte"),
                null, Set.of(), List.of(served, notYet))));
    }

    /** {@code categories} × {@code items} dishes, every third with a required choice of three sides. */
    public static MenuDraft large(int categories, int items) {
        List<Category> all = new java.util.ArrayList<>();
        for (int c = 0; c < categories; c++) {
            List<Item> dishes = new java.util.ArrayList<>();
            for (int i = 0; i < items; i++) {
                List<ModifierGroup> groups = i % 3 != 0 ? List.of() : List.of(new ModifierGroup(UUID.randomUUID(),
                        text("Side", "Beilage"), 1, 1, GroupMode.REQUIRED, 0, List.of(
                                new ModifierOption(UUID.randomUUID(), text("Fries", "Pommes"), 0, Map.of(), true, 1, Map.of(), null, List.of()),
                                new ModifierOption(UUID.randomUUID(), text("Salad", "Salat"), 150, Map.of(), false, 1, Map.of(), null, List.of()),
                                new ModifierOption(UUID.randomUUID(), text("Rice", "Reis"), 100, Map.of(), false, 1, Map.of(), null, List.of()))));
                dishes.add(item(UUID.randomUUID(), text("Dish " + c + "-" + i, "Gericht " + c + "-" + i), 900 + i * 10,
                        null, Set.of(), groups));
            }
            all.add(new Category(UUID.randomUUID(), text("Category " + c, "Kategorie " + c), null, Set.of(), dishes));
        }
        return new MenuDraft("EUR", "en", List.of(), all);
    }

    private static Item item(UUID id, LocalizedText name, long price, Integer prepMinutes, Set<UUID> dayparts,
            List<ModifierGroup> groups) {
        return new Item(id, name, null, price, List.of(), "kitchen", prepMinutes,
                EnumSet.of(Allergen.CEREALS_CONTAINING_GLUTEN), EnumSet.noneOf(DietaryTag.class), null, null, dayparts, true,
                groups);
    }

    private static LocalizedText text(String english, String german) {
        return new LocalizedText(english, Map.of("de", german));
    }
}
