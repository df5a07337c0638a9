package io.urop.menu.publishing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import io.urop.menu.model.Category;
import io.urop.menu.model.Daypart;
import io.urop.menu.model.Item;
import io.urop.menu.model.MenuSnapshot;

/**
 * What changed between two versions of a menu, as a manager reviews it before publishing or after a
 * complaint: dayparts, categories and items added, removed or changed (with the names of the fields that
 * changed; an item that moved to another category has {@code categoryId} among them), in menu order.
 */
public final class MenuDiff {

    public enum Kind { ADDED, REMOVED, CHANGED }

    public enum Part { MENU, DAYPART, CATEGORY, ITEM }

    /** One change; {@code name} is the part's name in the menu's own language (the newer one's, if both). */
    public record Change(Kind kind, Part part, UUID id, String name, List<String> fields) {
    }

    private static final Map<String, Function<MenuSnapshot, Object>> MENU_FIELDS = new Fields<MenuSnapshot>()
            .and("currency", MenuSnapshot::currency).and("defaultLanguage", MenuSnapshot::defaultLanguage).map;

    private static final Map<String, Function<Daypart, Object>> DAYPART_FIELDS = new Fields<Daypart>()
            .and("name", Daypart::name).and("days", Daypart::days).and("start", Daypart::start)
            .and("end", Daypart::end).map;

    private static final Map<String, Function<Category, Object>> CATEGORY_FIELDS = new Fields<Category>()
            .and("name", Category::name).and("description", Category::description)
            .and("daypartIds", Category::daypartIds).map;

    private static final Map<String, Function<Item, Object>> ITEM_FIELDS = new Fields<Item>()
            .and("name", Item::name).and("description", Item::description).and("price", Item::price)
            .and("sizes", Item::sizes).and("station", Item::station).and("prepMinutes", Item::prepMinutes)
            .and("allergens", Item::allergens).and("dietaryTags", Item::dietaryTags).and("calories", Item::calories)
            .and("imageKey", Item::imageKey).and("daypartIds", Item::daypartIds)
            .and("preModifiersAllowed", Item::preModifiersAllowed).and("modifierGroups", Item::modifierGroups).map;

    private MenuDiff() {
    }

    public static List<Change> between(MenuSnapshot from, MenuSnapshot to) {
        List<Change> changes = new ArrayList<>();
        List<String> menuFields = changed(MENU_FIELDS, from, to);
        if (!menuFields.isEmpty()) {
            changes.add(new Change(Kind.CHANGED, Part.MENU, to.menuId(), null, menuFields));
        }
        compare(Part.DAYPART, byId(from.dayparts(), Daypart::id), byId(to.dayparts(), Daypart::id), Daypart::name,
                DAYPART_FIELDS, changes);
        compare(Part.CATEGORY, byId(from.categories(), Category::id), byId(to.categories(), Category::id),
                category -> category.name().text(), CATEGORY_FIELDS, changes);
        compare(Part.ITEM, items(from), items(to), placed -> placed.item().name().text(), placedFields(), changes);
        return changes;
    }

    private static <T> void compare(Part part, Map<UUID, T> before, Map<UUID, T> after, Function<T, String> name,
            Map<String, Function<T, Object>> fields, List<Change> changes) {
        before.forEach((id, old) -> {
            if (!after.containsKey(id)) {
                changes.add(new Change(Kind.REMOVED, part, id, name.apply(old), List.of()));
            }
        });
        after.forEach((id, now) -> {
            T old = before.get(id);
            if (old == null) {
                changes.add(new Change(Kind.ADDED, part, id, name.apply(now), List.of()));
                return;
            }
            List<String> changed = changed(fields, old, now);
            if (!changed.isEmpty()) {
                changes.add(new Change(Kind.CHANGED, part, id, name.apply(now), changed));
            }
        });
    }

    private static <T> List<String> changed(Map<String, Function<T, Object>> fields, T before, T after) {
        return fields.entrySet().stream()
                .filter(field -> !Objects.equals(field.getValue().apply(before), field.getValue().apply(after)))
                .map(Map.Entry::getKey).toList();
    }

    /** An item and the category it sits in, so that a move shows as a change of {@code categoryId}. */
    private record Placed(UUID categoryId, Item item) {
    }

    private static Map<String, Function<Placed, Object>> placedFields() {
        Fields<Placed> fields = new Fields<Placed>().and("categoryId", Placed::categoryId);
        ITEM_FIELDS.forEach((field, value) -> fields.and(field, placed -> value.apply(placed.item())));
        return fields.map;
    }

    private static Map<UUID, Placed> items(MenuSnapshot menu) {
        Map<UUID, Placed> items = new LinkedHashMap<>();
        menu.categories().forEach(category -> category.items()
                .forEach(item -> items.put(item.id(), new Placed(category.id(), item))));
        return items;
    }

    private static <T> Map<UUID, T> byId(List<T> parts, Function<T, UUID> id) {
        Map<UUID, T> byId = new LinkedHashMap<>();
        parts.forEach(part -> byId.put(id.apply(part), part));
        return byId;
    }

    /** The fields of a part that a change is reported for, in the order they are listed. */
    private static final class Fields<T> {

        final Map<String, Function<T, Object>> map = new LinkedHashMap<>();

        Fields<T> and(String name, Function<T, Object> value) {
            map.put(name, value);
            return this;
        }
    }
}
