package io.urop.menu.editing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.urop.menu.model.Category;
import io.urop.menu.model.Daypart;
import io.urop.menu.model.MenuSnapshot;

/**
 * The menu being edited: everything a published version holds but its number and time. It is changed as
 * a whole ({@code PUT}), which is also how a whole menu is imported, and read as a whole, which is how it
 * is exported.
 */
public record MenuDraft(String currency, String defaultLanguage, List<Daypart> dayparts, List<Category> categories) {

    public MenuDraft {
        dayparts = dayparts == null ? List.of() : List.copyOf(dayparts);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    static MenuDraft empty(String currency, String defaultLanguage) {
        return new MenuDraft(currency, defaultLanguage, List.of(), List.of());
    }

    public static MenuDraft of(MenuSnapshot snapshot) {
        return new MenuDraft(snapshot.currency(), snapshot.defaultLanguage(), snapshot.dayparts(), snapshot.categories());
    }

    public MenuSnapshot toSnapshot(UUID menuId, UUID tenantId, int version, Instant publishedAt) {
        return new MenuSnapshot(menuId, tenantId, version, publishedAt, currency, defaultLanguage, dayparts, categories);
    }
}
