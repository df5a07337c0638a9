package io.urop.notification.template;

import java.util.List;
import java.util.Locale;

/** The languages diners' messages are written in; a language not among them gets English. */
public final class Languages {

    public static final String DEFAULT = "en";

    public static final List<String> SUPPORTED = List.of("en", "fr", "de", "es");

    private Languages() {
    }

    /** The supported language of a language tag ({@code fr-CA} gives {@code fr}), or English. */
    public static String of(String tag) {
        if (tag == null || tag.isBlank()) {
            return DEFAULT;
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return SUPPORTED.contains(language) ? language : DEFAULT;
    }

    public static boolean isSupported(String language) {
        return SUPPORTED.contains(language);
    }
}
