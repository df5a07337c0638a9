package io.urop.menu.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Small builders for readable tests. Everything they build is valid unless a test says otherwise:
 * a group is OPTIONAL with max 1, an option costs nothing and can be taken once, an item costs 1000
 * and goes to the grill, a menu is in EUR and English.
 */
final class Fixtures {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** A Wednesday noon in Berlin. */
    static final ZonedDateTime WEDNESDAY_NOON = ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, BERLIN);

    private Fixtures() {
    }

    static LocalizedText text(String text) {
        return LocalizedText.of(text);
    }

    static MenuBuilder menu() {
        return new MenuBuilder();
    }

    static CategoryBuilder category(String name) {
        return new CategoryBuilder(name);
    }

    static ItemBuilder item(String name) {
        return new ItemBuilder(name);
    }

    static GroupBuilder group(String name) {
        return new GroupBuilder(name);
    }

    static OptionBuilder option(String name) {
        return new OptionBuilder(name);
    }

    static Size size(String name, long price) {
        return new Size(UUID.randomUUID(), text(name), price);
    }

    static Daypart daypart(String name, LocalTime start, LocalTime end, DayOfWeek... days) {
        return new Daypart(UUID.randomUUID(), name, Set.of(days), start, end);
    }

    static OptionChoice pick(ModifierGroup group, ModifierOption option, OptionChoice... nested) {
        return pick(group, option, 1, null, nested);
    }

    static OptionChoice pick(ModifierGroup group, ModifierOption option, int quantity, OptionChoice... nested) {
        return pick(group, option, quantity, null, nested);
    }

    static OptionChoice pick(ModifierGroup group, ModifierOption option, PreModifier preModifier, OptionChoice... nested) {
        return pick(group, option, 1, preModifier, nested);
    }

    static OptionChoice pick(ModifierGroup group, ModifierOption option, int quantity, PreModifier preModifier, OptionChoice... nested) {
        return new OptionChoice(group.id(), option.id(), quantity, preModifier, List.of(nested));
    }

    static LineSelection line(Item item, OptionChoice... choices) {
        return new LineSelection(item.id(), null, 1, List.of(choices));
    }

    static LineSelection line(Item item, Size size, OptionChoice... choices) {
        return new LineSelection(item.id(), size.id(), 1, List.of(choices));
    }

    static LineSelection line(int quantity, Item item, OptionChoice... choices) {
        return new LineSelection(item.id(), null, quantity, List.of(choices));
    }

    static final class MenuBuilder {
        private String currency = "EUR";
        private String defaultLanguage = "en";
        private final List<Daypart> dayparts = new ArrayList<>();
        private final List<Category> categories = new ArrayList<>();

        MenuBuilder currency(String currency) {
            this.currency = currency;
            return this;
        }

        MenuBuilder defaultLanguage(String defaultLanguage) {
            this.defaultLanguage = defaultLanguage;
            return this;
        }

        MenuBuilder dayparts(Daypart... dayparts) {
            this.dayparts.addAll(List.of(dayparts));
            return this;
        }

        MenuBuilder categories(Category... categories) {
            this.categories.addAll(List.of(categories));
            return this;
        }

        /** The items in one category "Mains". */
        MenuBuilder items(Item... items) {
            return categories(category("Mains").items(items).build());
        }

        MenuSnapshot build() {
            return new MenuSnapshot(UUID.randomUUID(), UUID.randomUUID(), 1, Instant.parse("2026-11-25T08:00:00Z"),
                    currency, defaultLanguage, dayparts, categories);
        }

        MenuIndex index() {
            return MenuIndex.of(build());
        }
    }

    static final class CategoryBuilder {
        private final UUID id = UUID.randomUUID();
        private LocalizedText name;
        private LocalizedText description;
        private final Set<UUID> daypartIds = new HashSet<>();
        private final List<Item> items = new ArrayList<>();

        private String station;

        CategoryBuilder(String name) {
            this.name = text(name);
        }

        CategoryBuilder name(LocalizedText name) {
            this.name = name;
            return this;
        }

        CategoryBuilder description(LocalizedText description) {
            this.description = description;
            return this;
        }

        CategoryBuilder servedDuring(Daypart... dayparts) {
            Arrays.stream(dayparts).forEach(daypart -> daypartIds.add(daypart.id()));
            return this;
        }

        CategoryBuilder servedDuring(UUID daypartId) {
            daypartIds.add(daypartId);
            return this;
        }

        CategoryBuilder items(Item... items) {
            this.items.addAll(List.of(items));
            return this;
        }

        /** Where its items are made unless they say otherwise. */
        CategoryBuilder station(String station) {
            this.station = station;
            return this;
        }

        Category build() {
            return new Category(id, name, description, daypartIds, items, station);
        }
    }

    static final class ItemBuilder {
        private UUID id = UUID.randomUUID();
        private LocalizedText name;
        private LocalizedText description;
        private long price = 1000;
        private final List<Size> sizes = new ArrayList<>();
        private String station = "grill";
        private Integer prepMinutes;
        private final Set<Allergen> allergens = new HashSet<>();
        private final Set<DietaryTag> dietaryTags = new HashSet<>();
        private Integer calories;
        private String imageKey;
        private final Set<UUID> daypartIds = new HashSet<>();
        private boolean preModifiersAllowed;
        private final List<ModifierGroup> groups = new ArrayList<>();

        ItemBuilder(String name) {
            this.name = text(name);
        }

        ItemBuilder id(UUID id) {
            this.id = id;
            return this;
        }

        ItemBuilder name(LocalizedText name) {
            this.name = name;
            return this;
        }

        ItemBuilder description(LocalizedText description) {
            this.description = description;
            return this;
        }

        ItemBuilder price(long price) {
            this.price = price;
            return this;
        }

        /** Sizes replace the price, which becomes 0 as the rules require. */
        ItemBuilder sizes(Size... sizes) {
            this.sizes.addAll(List.of(sizes));
            this.price = 0;
            return this;
        }

        ItemBuilder station(String station) {
            this.station = station;
            return this;
        }

        ItemBuilder prepMinutes(Integer prepMinutes) {
            this.prepMinutes = prepMinutes;
            return this;
        }

        ItemBuilder allergens(Allergen... allergens) {
            this.allergens.addAll(List.of(allergens));
            return this;
        }

        ItemBuilder tags(DietaryTag... tags) {
            this.dietaryTags.addAll(List.of(tags));
            return this;
        }

        ItemBuilder calories(Integer calories) {
            this.calories = calories;
            return this;
        }

        ItemBuilder imageKey(String imageKey) {
            this.imageKey = imageKey;
            return this;
        }

        ItemBuilder servedDuring(Daypart... dayparts) {
            Arrays.stream(dayparts).forEach(daypart -> daypartIds.add(daypart.id()));
            return this;
        }

        ItemBuilder servedDuring(UUID daypartId) {
            daypartIds.add(daypartId);
            return this;
        }

        ItemBuilder preModifiersAllowed() {
            this.preModifiersAllowed = true;
            return this;
        }

        ItemBuilder groups(ModifierGroup... groups) {
            this.groups.addAll(List.of(groups));
            return this;
        }

        Item build() {
            return new Item(id, name, description, price, sizes, station, prepMinutes, allergens, dietaryTags, calories,
                    imageKey, daypartIds, preModifiersAllowed, groups);
        }
    }

    static final class GroupBuilder {
        private UUID id = UUID.randomUUID();
        private LocalizedText name;
        private int min = 0;
        private int max = 1;
        private GroupMode mode = GroupMode.OPTIONAL;
        private int maxFree = 0;
        private final List<ModifierOption> options = new ArrayList<>();

        GroupBuilder(String name) {
            this.name = text(name);
        }

        GroupBuilder id(UUID id) {
            this.id = id;
            return this;
        }

        GroupBuilder name(LocalizedText name) {
            this.name = name;
            return this;
        }

        /** A REQUIRED group of min to max picks. */
        GroupBuilder required(int min, int max) {
            this.mode = GroupMode.REQUIRED;
            this.min = min;
            this.max = max;
            return this;
        }

        GroupBuilder min(int min) {
            this.min = min;
            return this;
        }

        GroupBuilder max(int max) {
            this.max = max;
            return this;
        }

        GroupBuilder mode(GroupMode mode) {
            this.mode = mode;
            return this;
        }

        GroupBuilder maxFree(int maxFree) {
            this.maxFree = maxFree;
            return this;
        }

        GroupBuilder options(ModifierOption... options) {
            this.options.addAll(List.of(options));
            return this;
        }

        ModifierGroup build() {
            return new ModifierGroup(id, name, min, max, mode, maxFree, options);
        }
    }

    static final class OptionBuilder {
        private UUID id = UUID.randomUUID();
        private LocalizedText name;
        private long priceDelta;
        private final Map<UUID, Long> sizePriceDeltas = new LinkedHashMap<>();
        private boolean isDefault;
        private int maxQuantity = 1;
        private final Map<PreModifier, Long> preModifiers = new EnumMap<>(PreModifier.class);
        private String station;
        private final List<ModifierGroup> groups = new ArrayList<>();

        OptionBuilder(String name) {
            this.name = text(name);
        }

        OptionBuilder id(UUID id) {
            this.id = id;
            return this;
        }

        OptionBuilder name(LocalizedText name) {
            this.name = name;
            return this;
        }

        OptionBuilder delta(long priceDelta) {
            this.priceDelta = priceDelta;
            return this;
        }

        OptionBuilder sizeDelta(Size size, long delta) {
            return sizeDelta(size.id(), delta);
        }

        OptionBuilder sizeDelta(UUID sizeId, long delta) {
            sizePriceDeltas.put(sizeId, delta);
            return this;
        }

        OptionBuilder byDefault() {
            this.isDefault = true;
            return this;
        }

        OptionBuilder maxQuantity(int maxQuantity) {
            this.maxQuantity = maxQuantity;
            return this;
        }

        OptionBuilder preModifier(PreModifier preModifier, long price) {
            preModifiers.put(preModifier, price);
            return this;
        }

        /** Allows NO at no cost. */
        OptionBuilder removable() {
            return preModifier(PreModifier.NO, 0);
        }

        /** Also made at this station. */
        OptionBuilder station(String station) {
            this.station = station;
            return this;
        }

        OptionBuilder groups(ModifierGroup... groups) {
            this.groups.addAll(List.of(groups));
            return this;
        }

        ModifierOption build() {
            return new ModifierOption(id, name, priceDelta, sizePriceDeltas, isDefault, maxQuantity, preModifiers, station,
                    groups);
        }
    }
}
