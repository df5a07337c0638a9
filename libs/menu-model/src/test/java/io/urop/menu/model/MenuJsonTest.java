package io.urop.menu.model;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static io.urop.menu.model.Fixtures.WEDNESDAY_NOON;
import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot travels in {@code menu.published} and sits in Redis as JSON, read by a plain Jackson 3 mapper. */
class MenuJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private final MenuSnapshot menu = RichMenu.build();

    @Test
    void aRichSnapshotSurvivesTheRoundTrip() {
        MenuSnapshot back = json.readValue(json.writeValueAsString(menu), MenuSnapshot.class);

        assertThat(back).isEqualTo(menu);
        assertThat(MenuValidator.validate(back)).isEmpty();
    }

    @Test
    void theSameSnapshotAlwaysWritesTheSameJson() {
        String written = json.writeValueAsString(menu);

        assertThat(json.writeValueAsString(json.readValue(written, MenuSnapshot.class))).isEqualTo(written);
    }

    @Test
    void theWireNamesAreTheRecordComponents() {
        String written = json.writeValueAsString(menu);

        assertThat(written)
                .contains("\"currency\":\"EUR\"", "\"isDefault\":true", "\"preModifiers\":{\"NO\":0,\"LIGHT\":100,\"EXTRA\":250,\"ON_THE_SIDE\":150}",
                        "\"days\":[\"FRIDAY\",\"SATURDAY\"]", "\"start\":\"22:00:00\"", "\"publishedAt\":\"2026-11-25T08:00:00Z\"",
                        "\"station\":\"grill\",\"prepMinutes\":12,", "\"preModifiers\":{},\"station\":\"bar\"")
                .doesNotContain("hasSizes", "io.urop");
    }

    @Test
    void unknownFieldsAreIgnored() {
        String written = json.writeValueAsString(menu)
                .replaceFirst("\\{\"menuId\"", "{\"locationIds\":[],\"menuId\"")
                .replace("\"station\":", "\"printer\":{\"name\":\"kitchen-1\"},\"station\":")
                .replace("\"isDefault\":", "\"kcal\":12,\"isDefault\":");

        assertThat(json.readValue(written, MenuSnapshot.class)).isEqualTo(menu);
    }

    @Test
    void missingCollectionsReadAsEmpty() {
        String minimal = """
                {"menuId":"%s","tenantId":"%s","version":3,"currency":"EUR","defaultLanguage":"en",
                 "categories":[{"id":"%s","name":{"text":"Soups"},
                   "items":[{"id":"%s","name":{"text":"Soup"},"price":650,"station":"grill","preModifiersAllowed":false}]}]}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        MenuSnapshot read = json.readValue(minimal, MenuSnapshot.class);

        Item soup = read.categories().get(0).items().get(0);
        assertThat(read.dayparts()).isEmpty();
        assertThat(soup.name().translations()).isEmpty();
        assertThat(soup.sizes()).isEmpty();
        assertThat(soup.allergens()).isEmpty();
        assertThat(soup.modifierGroups()).isEmpty();
        assertThat(soup.calories()).isNull();
        assertThat(MenuValidator.validate(read)).isEmpty();
    }

    @Test
    void aSnapshotWrittenBeforePrepTimesAndOptionStationsReadsThemAsUnknown() {
        String older = """
                {"menuId":"%s","tenantId":"%s","version":3,"currency":"EUR","defaultLanguage":"en",
                 "categories":[{"id":"%s","name":{"text":"Mains"},
                   "items":[{"id":"%s","name":{"text":"Burger"},"price":1250,"station":"grill","preModifiersAllowed":false,
                     "modifierGroups":[{"id":"%s","name":{"text":"Side"},"min":0,"max":1,"mode":"OPTIONAL","maxFree":0,
                       "options":[{"id":"%s","name":{"text":"Fries"},"priceDelta":0,"isDefault":false,"maxQuantity":1}]}]}]}]}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID());

        MenuSnapshot read = json.readValue(older, MenuSnapshot.class);

        Item burger = read.categories().get(0).items().get(0);
        assertThat(burger.prepMinutes()).isNull();
        assertThat(burger.modifierGroups().get(0).options().get(0).station()).isNull();
        assertThat(MenuValidator.validate(read)).isEmpty();
    }

    @Test
    void aSelectionAndItsPriceSurviveTheRoundTrip() {
        MenuIndex index = MenuIndex.of(menu);
        Item burger = menu.categories().get(0).items().get(0);
        ModifierGroup doneness = burger.modifierGroups().get(0);
        ModifierGroup toppings = burger.modifierGroups().get(1);
        ModifierGroup side = burger.modifierGroups().get(2);
        ModifierOption sweetPotato = side.options().get(2);
        ModifierGroup dip = sweetPotato.modifierGroups().get(0);
        LineSelection selection = new LineSelection(burger.id(), null, 2, List.of(
                Fixtures.pick(doneness, doneness.options().get(1)),
                Fixtures.pick(toppings, toppings.options().get(0), 2, PreModifier.EXTRA),
                Fixtures.pick(toppings, toppings.options().get(2), PreModifier.NO),
                Fixtures.pick(side, sweetPotato, Fixtures.pick(dip, dip.options().get(1)))));

        LineSelection selectionBack = json.readValue(json.writeValueAsString(selection), LineSelection.class);
        PricedLine priced = (PricedLine) LinePricer.price(index, Availability.ALL_AVAILABLE, WEDNESDAY_NOON, selectionBack);

        assertThat(selectionBack).isEqualTo(selection);
        assertThat(json.readValue(json.writeValueAsString(priced), PricedLine.class)).isEqualTo(priced);
        // two free toppings waive both extra cheeses: 1250 + 150 (fries) + 80 (aioli)
        assertThat(priced.unitPrice()).isEqualTo(1250 + 150 + 80);
        assertThat(priced.total()).isEqualTo(2 * (1250 + 150 + 80));
    }
}
