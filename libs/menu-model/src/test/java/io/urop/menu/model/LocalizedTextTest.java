package io.urop.menu.model;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalizedTextTest {

    private final LocalizedText name = new LocalizedText("Cheeseburger",
            Map.of("de", "Käseburger", "de-AT", "Käseburger (Wiener Art)", "fr", "Cheeseburger (fr)", "zh-Hant", "芝士漢堡"));

    @Test
    void theExactTagWins() {
        assertThat(name.in("de-AT")).isEqualTo("Käseburger (Wiener Art)");
        assertThat(name.in("de")).isEqualTo("Käseburger");
    }

    @Test
    void aRegionFallsBackToItsLanguage() {
        assertThat(name.in("de-CH")).isEqualTo("Käseburger");
        assertThat(name.in("fr-CA")).isEqualTo("Cheeseburger (fr)");
    }

    @Test
    void longerTagsAreShortenedStepByStep() {
        assertThat(name.in("zh-Hant-TW")).isEqualTo("芝士漢堡");
        assertThat(name.in("de-AT-x-vienna")).isEqualTo("Käseburger (Wiener Art)");
    }

    @Test
    void anUntranslatedLanguageGetsTheDefaultText() {
        assertThat(name.in("it")).isEqualTo("Cheeseburger");
        assertThat(name.in("zh-Hans")).isEqualTo("Cheeseburger");
        assertThat(name.in((String) null)).isEqualTo("Cheeseburger");
    }

    @Test
    void aLanguageDoesNotBorrowARegionalTranslation() {
        LocalizedText onlyRegional = new LocalizedText("Fries", Map.of("en-GB", "Chips"));

        assertThat(onlyRegional.in("en-GB")).isEqualTo("Chips");
        assertThat(onlyRegional.in("en")).isEqualTo("Fries");
    }

    @Test
    void tagsCompareCaseInsensitively() {
        assertThat(name.in("DE-at")).isEqualTo("Käseburger (Wiener Art)");
        assertThat(name.in("ZH-hant-tw")).isEqualTo("芝士漢堡");
    }

    @Test
    void theDinersFirstAvailablePreferenceWins() {
        assertThat(name.in(Locale.LanguageRange.parse("it-IT,it;q=0.9,fr;q=0.8,de;q=0.7"), "en")).isEqualTo("Cheeseburger (fr)");
        assertThat(name.in(Locale.LanguageRange.parse("de-CH,fr;q=0.5"), "en")).isEqualTo("Käseburger");
    }

    @Test
    void theMenusDefaultLanguageCountsAsAvailable() {
        assertThat(name.in(Locale.LanguageRange.parse("en-GB,de;q=0.8"), "en")).isEqualTo("Cheeseburger");
    }

    @Test
    void aWildcardOrNoMatchGivesTheDefaultText() {
        assertThat(name.in(Locale.LanguageRange.parse("it,*;q=0.5,de;q=0.1"), "en")).isEqualTo("Cheeseburger");
        assertThat(name.in(Locale.LanguageRange.parse("it,es"), "en")).isEqualTo("Cheeseburger");
    }

    @Test
    void aRefusedLanguageIsSkipped() {
        assertThat(name.in(Locale.LanguageRange.parse("de;q=0,it"), "en")).isEqualTo("Cheeseburger");
    }
}
