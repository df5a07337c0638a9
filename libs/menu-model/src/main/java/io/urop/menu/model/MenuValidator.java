package io.urop.menu.model;

import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.urop.menu.model.Violation.Code;

/**
 * The authoring rules a menu must pass before it is published: all violations at once, each with
 * the path of the field to fix, and an empty list for a valid menu. Beyond the obvious (ids present
 * and unique, names not blank, amounts in range) it decides:
 * <ul>
 * <li>category, item, size and daypart ids are unique across the menu; group ids across one item
 *     (nested groups included); option ids within their group, so one option id may recur in
 *     several groups and items, and 86'ing it takes it off all of them;
 * <li>an item with sizes has at least two (one size is just a price) and a {@code price} of 0;
 * <li>a REQUIRED group has {@code min >= 1} and an optional one {@code min == 0}: the mode and
 *     {@code min} never disagree; {@code 0 <= maxFree <= max}; {@code 1 <= maxQuantity <= max};
 * <li>the options of a group can reach its {@code min} (their maxQuantity summed), and its default
 *     options, one pick each, fit in its {@code max} so the preselected state can be ordered as is;
 * <li>an option opening nested groups has {@code maxQuantity} 1 (two units could need different
 *     nested choices), and a nested group's options open no groups;
 * <li>{@code NO} costs 0; pre-modifiers appear only on items that allow them;
 * <li>a dietary tag may not contradict a declared allergen (a "vegan" item with milk);
 * <li>an item's preparation time, when given, is 0 to {@link #MAX_PREP_MINUTES} minutes; every item has a
 *     station, its own or its category's; a category's or an option's station, when given, is not blank;
 * <li>the version and publication time are stamped by publishing, so they are not checked here.
 * </ul>
 * The limits below keep a menu renderable on a phone and bound the work of pricing a line, the memory and cache a
 * menu takes and the size of what announces it: a real restaurant stays far below them. A menu speaks a few languages
 * (its default and at most {@link #MAX_LANGUAGES} in all, whatever texts the translations are on), and the violations
 * reported stop at {@link #MAX_VIOLATIONS}.
 */
public final class MenuValidator {

    public static final int MAX_CATEGORIES = 100;
    public static final int MAX_ITEMS = 2_000;
    public static final int MAX_DAYPARTS = 50;
    public static final int MAX_SIZES_PER_ITEM = 10;
    public static final int MAX_GROUPS_PER_ITEM = 20;
    public static final int MAX_GROUPS_PER_OPTION = 5;
    public static final int MAX_OPTIONS_PER_GROUP = 50;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 2_000;
    public static final int MAX_STATION_LENGTH = 50;
    /** The longest preparation of one portion: four hours, a slow roast; a longer one is a typing mistake. */
    public static final int MAX_PREP_MINUTES = 240;
    /** Options of all groups of all items, nested ones included. */
    public static final int MAX_OPTIONS = 20_000;
    /** Distinct languages of the menu's texts, its default language included. */
    public static final int MAX_LANGUAGES = 12;
    public static final int MAX_VIOLATIONS = 100;
    /** The largest price, delta or size price: 1,000,000.00 in a currency with two decimals. */
    public static final long MAX_AMOUNT = 100_000_000L;

    private final List<Violation> violations = new ArrayList<>();
    private final Set<UUID> daypartIds = new HashSet<>();
    private final Set<UUID> categoryIds = new HashSet<>();
    private final Set<UUID> itemIds = new HashSet<>();
    private final Set<UUID> sizeIds = new HashSet<>();
    private final Set<String> languages = new HashSet<>();
    private int options;

    private MenuValidator() {
    }

    public static List<Violation> validate(MenuSnapshot menu) {
        MenuValidator validator = new MenuValidator();
        validator.menu(menu);
        return List.copyOf(validator.violations);
    }

    private void menu(MenuSnapshot menu) {
        required(menu.menuId(), "menuId");
        required(menu.tenantId(), "tenantId");
        currency(menu.currency());
        if (blank(menu.defaultLanguage())) {
            add("defaultLanguage", Code.REQUIRED, "The default language is required");
        }
        else if (!wellFormedLanguageTag(menu.defaultLanguage())) {
            add("defaultLanguage", Code.INVALID_LANGUAGE_TAG, "\"" + menu.defaultLanguage() + "\" is not a language tag like \"en\" or \"de-AT\"");
        }
        else {
            languages.add(menu.defaultLanguage().toLowerCase(Locale.ROOT));
        }
        limit(menu.dayparts().size(), MAX_DAYPARTS, "dayparts");
        for (int i = 0; i < menu.dayparts().size(); i++) {
            daypart(menu.dayparts().get(i), "dayparts[" + i + "]");
        }
        limit(menu.categories().size(), MAX_CATEGORIES, "categories");
        limit(menu.categories().stream().mapToInt(category -> category.items().size()).sum(), MAX_ITEMS, "categories");
        for (int i = 0; i < menu.categories().size(); i++) {
            category(menu.categories().get(i), "categories[" + i + "]");
        }
        limit(options, MAX_OPTIONS, "categories");
    }

    private void currency(String currency) {
        if (blank(currency)) {
            add("currency", Code.REQUIRED, "The currency is required");
            return;
        }
        try {
            Currency.getInstance(currency);
        }
        catch (IllegalArgumentException e) {
            add("currency", Code.INVALID_CURRENCY, "\"" + currency + "\" is not an ISO 4217 currency code like \"EUR\"");
        }
    }

    private void daypart(Daypart daypart, String path) {
        id(daypart.id(), path, daypartIds);
        if (blank(daypart.name())) {
            add(path + ".name", Code.REQUIRED, "A daypart needs a name");
        }
        else if (daypart.name().length() > MAX_NAME_LENGTH) {
            add(path + ".name", Code.TOO_LONG, "At most " + MAX_NAME_LENGTH + " characters");
        }
        if (daypart.days().isEmpty()) {
            add(path + ".days", Code.REQUIRED, "A daypart needs at least one day");
        }
        if (daypart.start() == null) {
            add(path + ".start", Code.REQUIRED, "A daypart needs a start time");
        }
        if (daypart.end() == null) {
            add(path + ".end", Code.REQUIRED, "A daypart needs an end time");
        }
        if (daypart.start() != null && daypart.start().equals(daypart.end())) {
            add(path + ".end", Code.EMPTY_TIME_WINDOW, "A daypart must end at another time than it starts");
        }
    }

    private void category(Category category, String path) {
        id(category.id(), path, categoryIds);
        text(category.name(), path + ".name", true, MAX_NAME_LENGTH);
        text(category.description(), path + ".description", false, MAX_DESCRIPTION_LENGTH);
        daypartReferences(category.daypartIds(), path + ".daypartIds");
        if (category.station() != null) {
            station(category.station(), path + ".station",
                    "A category's station, when given, has a name like \"bar\"; leave it out for none");
        }
        for (int i = 0; i < category.items().size(); i++) {
            item(category.items().get(i), category, path + ".items[" + i + "]");
        }
    }

    private void item(Item item, Category category, String path) {
        id(item.id(), path, itemIds);
        text(item.name(), path + ".name", true, MAX_NAME_LENGTH);
        text(item.description(), path + ".description", false, MAX_DESCRIPTION_LENGTH);
        if (!item.hasSizes()) {
            amount(item.price(), path + ".price");
        }
        else if (item.price() != 0) {
            add(path + ".price", Code.PRICE_WITH_SIZES, "An item with sizes takes its price from the size; its own price must be 0");
        }
        if (item.sizes().size() == 1) {
            add(path + ".sizes", Code.TOO_FEW_SIZES, "An item with sizes needs at least two; with one, use the item's price");
        }
        limit(item.sizes().size(), MAX_SIZES_PER_ITEM, path + ".sizes");
        for (int i = 0; i < item.sizes().size(); i++) {
            Size size = item.sizes().get(i);
            String sizePath = path + ".sizes[" + i + "]";
            id(size.id(), sizePath, sizeIds);
            text(size.name(), sizePath + ".name", true, MAX_NAME_LENGTH);
            amount(size.price(), sizePath + ".price");
        }
        if (!blank(item.station()) || blank(category.station())) {
            station(item.station(), path + ".station",
                    "An item needs a kitchen station, like \"grill\" or \"bar\", its own or its category's");
        }
        if (item.prepMinutes() != null && (item.prepMinutes() < 0 || item.prepMinutes() > MAX_PREP_MINUTES)) {
            add(path + ".prepMinutes", Code.OUT_OF_RANGE,
                    "The preparation time is 0 to " + MAX_PREP_MINUTES + " minutes, or left out when unknown");
        }
        if (item.calories() != null && item.calories() < 0) {
            add(path + ".calories", Code.OUT_OF_RANGE, "Calories cannot be negative");
        }
        for (DietaryTag tag : item.dietaryTags()) {
            Set<Allergen> contradicted = EnumSet.noneOf(Allergen.class);
            contradicted.addAll(tag.contradicts());
            contradicted.retainAll(item.allergens());
            if (!contradicted.isEmpty()) {
                add(path + ".dietaryTags", Code.CONTRADICTS_ALLERGEN, tag + " cannot be claimed for an item containing " + contradicted);
            }
        }
        daypartReferences(item.daypartIds(), path + ".daypartIds");
        limit(item.modifierGroups().size(), MAX_GROUPS_PER_ITEM, path + ".modifierGroups");
        Set<UUID> groupIds = new HashSet<>();
        for (int i = 0; i < item.modifierGroups().size(); i++) {
            group(item, item.modifierGroups().get(i), path + ".modifierGroups[" + i + "]", groupIds, false);
        }
    }

    private void group(Item item, ModifierGroup group, String path, Set<UUID> groupIds, boolean nested) {
        id(group.id(), path, groupIds);
        text(group.name(), path + ".name", true, MAX_NAME_LENGTH);
        boolean minValid = group.min() >= 0;
        boolean maxValid = group.max() >= 1;
        if (!minValid) {
            add(path + ".min", Code.OUT_OF_RANGE, "The minimum cannot be negative");
        }
        if (!maxValid) {
            add(path + ".max", Code.OUT_OF_RANGE, "The maximum must be at least 1");
        }
        if (minValid && maxValid && group.min() > group.max()) {
            add(path + ".min", Code.MIN_ABOVE_MAX, "The minimum " + group.min() + " is above the maximum " + group.max());
        }
        if (group.mode() == null) {
            add(path + ".mode", Code.REQUIRED, "A group needs a mode");
        }
        else if (group.mode() == GroupMode.REQUIRED && group.min() == 0) {
            add(path + ".min", Code.MODE_MISMATCH, "A required group needs a minimum of at least 1");
        }
        else if (group.mode() != GroupMode.REQUIRED && group.min() > 0) {
            add(path + ".mode", Code.MODE_MISMATCH, "A group with a minimum must be REQUIRED");
        }
        if (group.maxFree() < 0 || (maxValid && group.maxFree() > group.max())) {
            add(path + ".maxFree", Code.OUT_OF_RANGE, "Free picks must be between 0 and the maximum " + group.max());
        }
        if (group.options().isEmpty()) {
            add(path + ".options", Code.REQUIRED, "A group needs at least one option");
        }
        limit(group.options().size(), MAX_OPTIONS_PER_GROUP, path + ".options");
        long reachable = group.options().stream().mapToLong(option -> Math.max(0, option.maxQuantity())).sum();
        if (!group.options().isEmpty() && minValid && reachable < group.min()) {
            add(path + ".min", Code.MIN_UNREACHABLE, "The options can be picked " + reachable + " times in all, fewer than the minimum " + group.min());
        }
        long defaults = group.options().stream().filter(ModifierOption::isDefault).count();
        if (maxValid && defaults > group.max()) {
            add(path, Code.TOO_MANY_DEFAULTS, defaults + " options are preselected but at most " + group.max() + " can be chosen");
        }
        Set<UUID> optionIds = new HashSet<>();
        for (int i = 0; i < group.options().size(); i++) {
            option(item, group, group.options().get(i), path + ".options[" + i + "]", optionIds, groupIds, nested);
        }
    }

    private void option(Item item, ModifierGroup group, ModifierOption option, String path, Set<UUID> optionIds,
                        Set<UUID> groupIds, boolean nested) {
        options++;
        id(option.id(), path, optionIds);
        text(option.name(), path + ".name", true, MAX_NAME_LENGTH);
        amount(option.priceDelta(), path + ".priceDelta");
        for (Map.Entry<UUID, Long> override : option.sizePriceDeltas().entrySet()) {
            String overridePath = path + ".sizePriceDeltas[" + override.getKey() + "]";
            if (item.size(override.getKey()).isEmpty()) {
                add(overridePath, Code.UNKNOWN_SIZE, "The item has no size " + override.getKey());
            }
            else {
                amount(override.getValue(), overridePath);
            }
        }
        if (option.maxQuantity() < 1 || (group.max() >= 1 && option.maxQuantity() > group.max())) {
            add(path + ".maxQuantity", Code.OUT_OF_RANGE, "The maximum quantity must be between 1 and the group's maximum " + group.max());
        }
        else if (!option.modifierGroups().isEmpty() && option.maxQuantity() != 1) {
            add(path + ".maxQuantity", Code.OUT_OF_RANGE, "An option with groups of its own can be taken only once");
        }
        if (option.station() != null) {
            station(option.station(), path + ".station",
                    "A station, when given, has a name like \"bar\"; leave it out for none");
        }
        if (!option.preModifiers().isEmpty() && !item.preModifiersAllowed()) {
            add(path + ".preModifiers", Code.PRE_MODIFIERS_NOT_ALLOWED, "The item does not allow pre-modifiers");
        }
        for (Map.Entry<PreModifier, Long> preModifier : option.preModifiers().entrySet()) {
            String preModifierPath = path + ".preModifiers[" + preModifier.getKey() + "]";
            if (preModifier.getKey() == PreModifier.NO) {
                if (preModifier.getValue() != 0) {
                    add(preModifierPath, Code.PRICED_REMOVAL, "Leaving something out is free");
                }
            }
            else {
                amount(preModifier.getValue(), preModifierPath);
            }
        }
        if (nested) {
            if (!option.modifierGroups().isEmpty()) {
                add(path + ".modifierGroups", Code.NESTING_TOO_DEEP, "Groups nest one level deep only");
            }
            return;
        }
        limit(option.modifierGroups().size(), MAX_GROUPS_PER_OPTION, path + ".modifierGroups");
        for (int i = 0; i < option.modifierGroups().size(); i++) {
            group(item, option.modifierGroups().get(i), path + ".modifierGroups[" + i + "]", groupIds, true);
        }
    }

    private void text(LocalizedText text, String path, boolean required, int maxLength) {
        if (text == null || (blank(text.text()) && text.translations().isEmpty())) {
            if (required) {
                add(path, Code.REQUIRED, "A name is required");
            }
            return;
        }
        if (blank(text.text())) {
            add(path, Code.REQUIRED, "The text in the default language is required when it has translations");
        }
        else if (text.text().length() > maxLength) {
            add(path, Code.TOO_LONG, "At most " + maxLength + " characters");
        }
        for (Map.Entry<String, String> translation : text.translations().entrySet()) {
            String translationPath = path + ".translations[" + translation.getKey() + "]";
            if (!wellFormedLanguageTag(translation.getKey())) {
                add(translationPath, Code.INVALID_LANGUAGE_TAG, "\"" + translation.getKey() + "\" is not a language tag like \"en\" or \"de-AT\"");
            }
            else if (!languages.contains(translation.getKey().toLowerCase(Locale.ROOT))) {
                if (languages.size() < MAX_LANGUAGES) {
                    languages.add(translation.getKey().toLowerCase(Locale.ROOT));
                }
                else {
                    add(translationPath, Code.LIMIT_EXCEEDED, "A menu has at most " + MAX_LANGUAGES
                            + " languages, its default included: translate into fewer");
                }
            }
            if (blank(translation.getValue())) {
                add(translationPath, Code.REQUIRED, "A translation cannot be blank");
            }
            else if (translation.getValue().length() > maxLength) {
                add(translationPath, Code.TOO_LONG, "At most " + maxLength + " characters");
            }
        }
    }

    private void station(String station, String path, String whenBlank) {
        if (blank(station)) {
            add(path, Code.REQUIRED, whenBlank);
        }
        else if (station.length() > MAX_STATION_LENGTH) {
            add(path, Code.TOO_LONG, "At most " + MAX_STATION_LENGTH + " characters");
        }
    }

    private void daypartReferences(Set<UUID> references, String path) {
        for (UUID daypartId : references) {
            if (!daypartIds.contains(daypartId)) {
                add(path, Code.UNKNOWN_DAYPART, "The menu has no daypart " + daypartId);
            }
        }
    }

    private void id(UUID id, String path, Set<UUID> seen) {
        if (id == null) {
            add(path + ".id", Code.REQUIRED, "An id is required");
        }
        else if (!seen.add(id)) {
            add(path + ".id", Code.DUPLICATE_ID, "The id " + id + " is already used");
        }
    }

    private void required(Object value, String path) {
        if (value == null) {
            add(path, Code.REQUIRED, "Required");
        }
    }

    private void amount(long amount, String path) {
        if (amount < 0 || amount > MAX_AMOUNT) {
            add(path, Code.PRICE_OUT_OF_RANGE, "An amount must be between 0 and " + MAX_AMOUNT + " minor units");
        }
    }

    private void limit(int count, int max, String path) {
        if (count > max) {
            add(path, Code.LIMIT_EXCEEDED, "At most " + max + " allowed, found " + count);
        }
    }

    private void add(String path, Code code, String message) {
        if (violations.size() < MAX_VIOLATIONS) {
            violations.add(new Violation(path, code, message));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Well-formed BCP 47 whose language is an ISO 639 code (2 or 3 letters), so "english" is refused. */
    static boolean wellFormedLanguageTag(String tag) {
        try {
            int languageLength = new Locale.Builder().setLanguageTag(tag).build().getLanguage().length();
            return languageLength == 2 || languageLength == 3;
        }
        catch (IllformedLocaleException e) {
            return false;
        }
    }
}
