package io.urop.menu.diner;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.urop.menu.model.Category;
import io.urop.menu.model.Daypart;
import io.urop.menu.model.Item;
import io.urop.menu.model.LocalizedText;
import io.urop.menu.model.MenuIndex;
import io.urop.menu.model.MenuSnapshot;
import io.urop.menu.model.ModifierGroup;
import io.urop.menu.model.ModifierOption;

/** Turns a published snapshot into what diners see at one location, now, in one language. */
final class DinerMenuRenderer {

    private final MenuIndex menu;
    private final Set<UUID> unavailable;
    private final List<Locale.LanguageRange> language;
    private final Function<String, Map<Integer, URI>> images;

    private DinerMenuRenderer(MenuSnapshot snapshot, Set<UUID> unavailable, List<Locale.LanguageRange> language,
            Function<String, Map<Integer, URI>> images) {
        this.menu = MenuIndex.of(snapshot);
        this.unavailable = unavailable;
        this.language = language;
        this.images = images;
    }

    /**
     * @param language a language tag ({@link DinerLanguage}); empty for the menu's own language
     * @param images   the URLs of an item's picture, by its image key
     */
    static DinerMenu render(UUID locationId, MenuSnapshot snapshot, Set<UUID> unavailable, String language,
            ZonedDateTime localTime, Function<String, Map<Integer, URI>> images) {
        List<Locale.LanguageRange> ranges = language.isEmpty() ? List.of() : Locale.LanguageRange.parse(language);
        DinerMenuRenderer renderer = new DinerMenuRenderer(snapshot, unavailable, ranges, images);
        List<DinerMenu.Category> categories = snapshot.categories().stream()
                .filter(category -> renderer.menu.isServedAt(category, localTime))
                .map(category -> renderer.category(category, localTime))
                .filter(category -> !category.items().isEmpty())
                .toList();
        String shown = ranges.isEmpty() ? snapshot.defaultLanguage() : ranges.get(0).getRange();
        return new DinerMenu(locationId, snapshot.menuId(), snapshot.version(), snapshot.currency(), shown, categories);
    }

    /**
     * When what diners see next changes by the clock alone: the next start or end of any daypart after
     * {@code now}, within a week; empty if the menu has no dayparts.
     */
    static Optional<Instant> nextChange(MenuSnapshot snapshot, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant next = null;
        for (Daypart daypart : snapshot.dayparts()) {
            for (int offset = -1; offset <= 8; offset++) {
                LocalDate day = today.plusDays(offset);
                if (!daypart.days().contains(day.getDayOfWeek())) {
                    continue;
                }
                LocalDate endDay = daypart.crossesMidnight() ? day.plusDays(1) : day;
                for (Instant boundary : List.of(at(day, daypart.start(), zone), at(endDay, daypart.end(), zone))) {
                    if (boundary.isAfter(now) && (next == null || boundary.isBefore(next))) {
                        next = boundary;
                    }
                }
            }
        }
        return Optional.ofNullable(next);
    }

    private static Instant at(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    private DinerMenu.Category category(Category category, ZonedDateTime localTime) {
        return new DinerMenu.Category(category.id(), text(category.name()), text(category.description()),
                category.items().stream().filter(item -> menu.isServedAt(item, localTime)).map(this::item).toList());
    }

    private DinerMenu.Item item(Item item) {
        return new DinerMenu.Item(item.id(), text(item.name()), text(item.description()), item.price(),
                item.sizes().stream().map(size -> new DinerMenu.Size(size.id(), text(size.name()), size.price())).toList(),
                item.allergens(), item.dietaryTags(), item.calories(),
                item.imageKey() == null ? null : images.apply(item.imageKey()), !unavailable.contains(item.id()),
                item.preModifiersAllowed(), groups(item.modifierGroups()));
    }

    private List<DinerMenu.Group> groups(List<ModifierGroup> groups) {
        return groups.stream().map(group -> new DinerMenu.Group(group.id(), text(group.name()), group.min(), group.max(),
                group.mode(), group.maxFree(), group.options().stream().map(this::option).toList())).toList();
    }

    private DinerMenu.Option option(ModifierOption option) {
        return new DinerMenu.Option(option.id(), text(option.name()), option.priceDelta(), option.sizePriceDeltas(),
                option.isDefault(), option.maxQuantity(), option.preModifiers(), !unavailable.contains(option.id()),
                groups(option.modifierGroups()));
    }

    private String text(LocalizedText text) {
        if (text == null) {
            return null;
        }
        return language.isEmpty() ? text.text() : text.in(language, menu.snapshot().defaultLanguage());
    }
}
