package io.urop.menu.diner;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.urop.menu.model.Category;
import io.urop.menu.model.Item;
import io.urop.menu.model.LocalizedText;
import io.urop.menu.model.MenuSnapshot;
import io.urop.menu.model.ModifierGroup;
import io.urop.menu.model.ModifierOption;

/** The languages a menu is translated into (primary subtags, as {@link DinerLanguage} asks for them), not its own. */
final class MenuLanguages {

    private final Set<String> languages = new TreeSet<>();

    private MenuLanguages() {
    }

    static Set<String> of(MenuSnapshot menu) {
        MenuLanguages found = new MenuLanguages();
        for (Category category : menu.categories()) {
            found.add(category.name()).add(category.description());
            for (Item item : category.items()) {
                found.add(item.name()).add(item.description());
                item.sizes().forEach(size -> found.add(size.name()));
                found.groups(item.modifierGroups());
            }
        }
        found.languages.remove(primary(menu.defaultLanguage()));
        return Set.copyOf(found.languages);
    }

    private void groups(Iterable<ModifierGroup> groups) {
        for (ModifierGroup group : groups) {
            add(group.name());
            for (ModifierOption option : group.options()) {
                add(option.name());
                groups(option.modifierGroups());
            }
        }
    }

    private MenuLanguages add(LocalizedText text) {
        if (text != null) {
            text.translations().keySet().forEach(tag -> languages.add(primary(tag)));
        }
        return this;
    }

    private static String primary(String tag) {
        return tag == null ? "" : tag.split("-")[0].toLowerCase(Locale.ROOT);
    }
}
