package io.urop.menu.diner;

import java.util.UUID;

/**
 * Where the cache's Redis keeps a location's rendered menus: one hash per location, with a field per language's
 * entry, the menu's languages and the generation (which {@code redis/public-menu-*.lua} name too).
 */
final class PublicMenuKeys {

    static final String GENERATION = "generation";
    static final String LANGUAGES = "languages";

    private static final String PREFIX = "urop:menu:public:";

    /** The channel on which a location's id is published once its menus changed (for {@link RecentMenus}). */
    static final String INVALIDATED = PREFIX + "invalidated";

    private PublicMenuKeys() {
    }

    static String location(UUID locationId) {
        return PREFIX + locationId;
    }

    /** The field of a language's entry; the menu's own language is {@code ""}. */
    static String menu(String language) {
        return "menu:" + (language.isEmpty() ? "*" : language);
    }
}
