package io.urop.menu.diner;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the cache holds for a location, as read for one language: the generation ({@code "0"} before any change), the
 * menu's languages (null until known), and the entries in that language and in the menu's own.
 */
record StoredMenus(String generation, Set<String> languages, byte[] inLanguage, byte[] inOwnLanguage) {

    /** The hash fields to read for a language, in the order {@link #of} takes their values. */
    static List<String> fields(String language) {
        return List.of(PublicMenuKeys.GENERATION, PublicMenuKeys.LANGUAGES, PublicMenuKeys.menu(language),
                PublicMenuKeys.menu(""));
    }

    static StoredMenus of(List<byte[]> values) {
        return new StoredMenus(values.get(0) == null ? "0" : text(values.get(0)),
                values.get(1) == null ? null : Set.of(text(values.get(1)).split(",")), values.get(2), values.get(3));
    }

    /** The stored entry a reader of that language gets: a language the menu does not have reads the menu's own. */
    Optional<byte[]> entry(String language) {
        return Optional.ofNullable(languages == null || languages.contains(language) ? inLanguage : inOwnLanguage);
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
