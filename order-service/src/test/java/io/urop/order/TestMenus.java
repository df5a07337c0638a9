package io.urop.order;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.urop.menu.model.Allergen;
import io.urop.menu.model.Category;
import io.urop.menu.model.GroupMode;
import io.urop.menu.model.Item;
import io.urop.menu.model.LocalizedText;
import io.urop.menu.model.MenuSnapshot;
import io.urop.menu.model.ModifierGroup;
import io.urop.menu.model.ModifierOption;
import io.urop.menu.model.Size;

/**
 * A bistro's menu with fixed ids: a burger (a required side, up to three extras of which one is free) from the grill,
 * a lemonade in two sizes from the bar, and a kids menu from the grill whose milkshake is made at the bar.
 */
public final class TestMenus {

    public static final UUID BURGER = id("burger");
    public static final UUID SIDE = id("side");
    public static final UUID FRIES = id("fries");
    public static final UUID SALAD = id("salad");
    public static final UUID ONION_RINGS = id("onion-rings");
    public static final UUID EXTRAS = id("extras");
    public static final UUID CHEESE = id("cheese");
    public static final UUID BACON = id("bacon");
    public static final UUID LEMONADE = id("lemonade");
    /** Of the "Hot drinks" category of {@link #bistroWithHotDrinks}, which names no station of its own. */
    public static final UUID TEA = id("tea");
    public static final UUID KIDS_MENU = id("kids-menu");
    public static final UUID DRINK = id("drink");
    public static final UUID WATER = id("water");
    public static final UUID MILKSHAKE = id("milkshake");
    public static final UUID SMALL = id("small");
    public static final UUID LARGE = id("large");

    private TestMenus() {
    }

    /** The bistro menu, version {@code version}, with the burger at {@code burgerPrice}. */
    public static MenuSnapshot bistro(UUID menuId, UUID tenantId, int version, long burgerPrice) {
        ModifierGroup side = new ModifierGroup(SIDE, text("Side"), 1, 1, GroupMode.REQUIRED, 0, List.of(
                option(FRIES, "Fries", 0), option(SALAD, "Salad", 0), option(ONION_RINGS, "Onion rings", 150)));
        ModifierGroup extras = new ModifierGroup(EXTRAS, text("Extras"), 0, 3, GroupMode.OPTIONAL, 1, List.of(
                option(CHEESE, "Cheese", 100), option(BACON, "Bacon", 200)));
        Item burger = new Item(BURGER, text("Burger"), null, burgerPrice, List.of(), "grill", 12,
                Set.of(Allergen.CEREALS_CONTAINING_GLUTEN, Allergen.MILK), Set.of(), null, null, Set.of(), false,
                List.of(side, extras));
        Item lemonade = new Item(LEMONADE, text("Lemonade"), null, 0,
                List.of(new Size(SMALL, text("Small"), 300), new Size(LARGE, text("Large"), 450)), "bar", 2, Set.of(),
                Set.of(), null, null, Set.of(), false, List.of());
        ModifierGroup drink = new ModifierGroup(DRINK, text("Drink"), 1, 1, GroupMode.REQUIRED, 0, List.of(
                option(WATER, "Water", 0), option(MILKSHAKE, "Milkshake", 200, "bar")));
        Item kidsMenu = new Item(KIDS_MENU, text("Kids menu"), null, 900, List.of(), "grill", 8, Set.of(Allergen.EGGS),
                Set.of(), null, null, Set.of(), false, List.of(drink));
        return new MenuSnapshot(menuId, tenantId, version, Instant.now().truncatedTo(ChronoUnit.MILLIS), "EUR", "en",
                List.of(), List.of(new Category(id("mains"), text("Mains"), null, Set.of(),
                        List.of(burger, lemonade, kidsMenu))));
    }

    /** The bistro menu and a category of hot drinks made at the bar, whose tea names no station of its own. */
    public static MenuSnapshot bistroWithHotDrinks(UUID menuId, UUID tenantId, int version) {
        MenuSnapshot bistro = bistro(menuId, tenantId, version, 1200);
        Item tea = new Item(TEA, text("Tea"), null, 250, List.of(), null, 3, Set.of(), Set.of(), null, null, Set.of(),
                false, List.of());
        Category hotDrinks = new Category(id("hot-drinks"), text("Hot drinks"), null, Set.of(), List.of(tea), "bar");
        return new MenuSnapshot(menuId, tenantId, version, bistro.publishedAt(), "EUR", "en", List.of(),
                List.of(bistro.categories().get(0), hotDrinks));
    }

    private static ModifierOption option(UUID id, String name, long delta) {
        return option(id, name, delta, null);
    }

    private static ModifierOption option(UUID id, String name, long delta, String station) {
        return new ModifierOption(id, text(name), delta, Map.of(), false, 2, Map.of(), station, List.of());
    }

    private static LocalizedText text(String text) {
        return new LocalizedText(text, Map.of());
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("bistro-" + name).getBytes());
    }
}
