package io.urop.menu.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A text in the menu's default language with its translations, keyed by BCP 47 language tag
 * ({@code "de"}, {@code "de-AT"}, {@code "zh-Hant"}). Look-ups follow RFC 4647 "lookup": the exact
 * tag, then ever shorter prefixes of it ({@code de-AT} → {@code de}), then the default text.
 * Tags compare case-insensitively.
 */
public record LocalizedText(String text, Map<String, String> translations) {

    public LocalizedText {
        translations = Copies.map(translations);
    }

    public static LocalizedText of(String text) {
        return new LocalizedText(text, Map.of());
    }

    /** The text for one language tag, falling back to shorter tags and then to the default text. */
    public String in(String languageTag) {
        return languageTag == null ? text : lookup(languageTag, null).orElse(text);
    }

    /**
     * The text for a diner's priority list, as {@code Locale.LanguageRange.parse(acceptLanguage)}
     * gives it: the first range (in order) that this text has wins, {@code *} or the menu's default
     * language choose the default text, and ranges with weight 0 are skipped. So "en, de" picks the
     * default English text of an English menu even when a German translation exists.
     */
    public String in(List<Locale.LanguageRange> preferences, String defaultLanguage) {
        for (Locale.LanguageRange preference : preferences) {
            if (preference.getWeight() <= 0) {
                continue;
            }
            if (preference.getRange().equals("*")) {
                return text;
            }
            Optional<String> found = lookup(preference.getRange(), defaultLanguage);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return text;
    }

    private Optional<String> lookup(String languageTag, String defaultLanguage) {
        String candidate = languageTag;
        while (!candidate.isEmpty()) {
            if (candidate.equalsIgnoreCase(defaultLanguage)) {
                return Optional.of(text);
            }
            for (Map.Entry<String, String> translation : translations.entrySet()) {
                if (translation.getKey().equalsIgnoreCase(candidate)) {
                    return Optional.of(translation.getValue());
                }
            }
            candidate = shorten(candidate);
        }
        return Optional.empty();
    }

    /** RFC 4647 §3.4: drop the last subtag, and a single-letter subtag (extension, private use) left before it. */
    private static String shorten(String tag) {
        int cut = tag.lastIndexOf('-');
        if (cut < 0) {
            return "";
        }
        String shorter = tag.substring(0, cut);
        int previous = shorter.lastIndexOf('-');
        if (previous >= 0 && shorter.length() - previous == 2) {
            shorter = shorter.substring(0, previous);
        }
        return shorter;
    }
}
