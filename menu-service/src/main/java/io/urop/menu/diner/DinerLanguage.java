package io.urop.menu.diner;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The language a diner reads the menu in: {@code ?lang=} if given, else the first language of
 * Accept-Language, reduced to its primary subtag ("de-AT" reads "de"), so that the cached menus per
 * location stay few whatever clients send. Empty (the menu's own language) when nothing usable is given.
 */
final class DinerLanguage {

    private static final Pattern PRIMARY = Pattern.compile("[a-z]{2,3}");

    private DinerLanguage() {
    }

    static String of(String lang, String acceptLanguage) {
        String wanted = lang != null && !lang.isBlank() ? lang : acceptLanguage;
        if (wanted == null || wanted.isBlank() || wanted.length() > 200) {
            return "";
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(wanted);
            return ranges.stream().filter(range -> range.getWeight() > 0).findFirst()
                    .map(range -> range.getRange().split("-")[0].toLowerCase(Locale.ROOT))
                    .filter(primary -> PRIMARY.matcher(primary).matches())
                    .orElse("");
        }
        catch (IllegalArgumentException e) {
            return "";
        }
    }
}
