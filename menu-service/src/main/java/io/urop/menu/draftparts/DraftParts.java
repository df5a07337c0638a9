package io.urop.menu.draftparts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.urop.menu.editing.MenuDraft;
import io.urop.menu.model.Category;
import io.urop.menu.model.Item;
import io.urop.web.InvalidFieldException;
import io.urop.web.NotFoundException;

/**
 * One change to a part of a draft, giving the next draft (the menu's rules are checked on it as a whole
 * afterwards). A part the draft does not have is a 404; a new order must name each category (or item) once.
 */
final class DraftParts {

    private DraftParts() {
    }

    static MenuDraft reorderCategories(MenuDraft draft, List<UUID> order) {
        return withCategories(draft, reordered(draft.categories(), Category::id, order, "categoryIds"));
    }

    static MenuDraft reorderItems(MenuDraft draft, UUID categoryId, List<UUID> order) {
        return replaceCategory(draft, categoryId,
                category -> category.withItems(reordered(category.items(), Item::id, order, "itemIds")));
    }

    static MenuDraft replaceCategory(MenuDraft draft, UUID categoryId, Category replacement) {
        requireSameId(categoryId, replacement.id());
        return replaceCategory(draft, categoryId, category -> replacement);
    }

    static MenuDraft deleteCategory(MenuDraft draft, UUID categoryId) {
        category(draft, categoryId);
        return withCategories(draft, draft.categories().stream().filter(c -> !c.id().equals(categoryId)).toList());
    }

    static MenuDraft replaceItem(MenuDraft draft, UUID itemId, Item replacement) {
        requireSameId(itemId, replacement.id());
        return changeItems(draft, itemId, items -> items.stream()
                .map(item -> item.id().equals(itemId) ? replacement : item).toList());
    }

    static MenuDraft deleteItem(MenuDraft draft, UUID itemId) {
        return changeItems(draft, itemId, items -> items.stream().filter(item -> !item.id().equals(itemId)).toList());
    }

    private static MenuDraft changeItems(MenuDraft draft, UUID itemId, Function<List<Item>, List<Item>> change) {
        Category holding = draft.categories().stream()
                .filter(category -> category.items().stream().anyMatch(item -> item.id().equals(itemId)))
                .findFirst().orElseThrow(() -> new NotFoundException("No such item in the draft"));
        return replaceCategory(draft, holding.id(), category -> category.withItems(change.apply(category.items())));
    }

    private static MenuDraft replaceCategory(MenuDraft draft, UUID categoryId, Function<Category, Category> change) {
        category(draft, categoryId);
        return withCategories(draft, draft.categories().stream()
                .map(category -> category.id().equals(categoryId) ? change.apply(category) : category).toList());
    }

    private static Category category(MenuDraft draft, UUID categoryId) {
        return draft.categories().stream().filter(category -> category.id().equals(categoryId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No such category in the draft"));
    }

    private static <T> List<T> reordered(List<T> parts, Function<T, UUID> id, List<UUID> order, String field) {
        Map<UUID, T> byId = parts.stream().collect(Collectors.toMap(id, part -> part, (a, b) -> a));
        if (order.size() != parts.size() || !new HashSet<>(order).equals(byId.keySet())) {
            throw new InvalidFieldException(field, "must name each of them exactly once");
        }
        List<T> result = new ArrayList<>();
        order.forEach(partId -> result.add(byId.get(partId)));
        return result;
    }

    private static void requireSameId(UUID pathId, UUID bodyId) {
        if (!pathId.equals(bodyId)) {
            throw new InvalidFieldException("id", "must be the id in the path");
        }
    }

    private static MenuDraft withCategories(MenuDraft draft, List<Category> categories) {
        return new MenuDraft(draft.currency(), draft.defaultLanguage(), draft.dayparts(), categories);
    }
}
