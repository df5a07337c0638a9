package io.urop.menu.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;

import static io.urop.menu.model.Fixtures.category;
import static io.urop.menu.model.Fixtures.daypart;
import static io.urop.menu.model.Fixtures.group;
import static io.urop.menu.model.Fixtures.item;
import static io.urop.menu.model.Fixtures.menu;
import static io.urop.menu.model.Fixtures.option;
import static io.urop.menu.model.Fixtures.size;

/** A valid menu using every feature of the model, for the validator's baseline and the JSON round trip. */
final class RichMenu {

    private RichMenu() {
    }

    static MenuSnapshot build() {
        Daypart lunch = daypart("Lunch", LocalTime.of(11, 30), LocalTime.of(15, 0),
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        Daypart lateNight = daypart("Late night", LocalTime.of(22, 0), LocalTime.of(2, 0), DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);

        ModifierGroup doneness = group("Doneness").required(1, 1).options(
                option("Rare").build(), option("Medium").byDefault().build(), option("Well done").build()).build();
        ModifierGroup toppings = group("Toppings").max(5).maxFree(2).options(
                option("Cheddar").delta(150).maxQuantity(2)
                        .preModifier(PreModifier.NO, 0).preModifier(PreModifier.LIGHT, 100)
                        .preModifier(PreModifier.EXTRA, 250).preModifier(PreModifier.ON_THE_SIDE, 150).build(),
                option("Bacon").delta(200).build(),
                option("Onions").byDefault().removable().build()).build();
        ModifierGroup dips = group("Dip").max(2).options(option("Mayo").build(), option("Aioli").delta(80).build()).build();
        ModifierGroup side = group("Side").required(1, 1).options(
                option("Fries").byDefault().build(),
                option("Salad").build(),
                option("Sweet potato fries").delta(150).groups(dips).build(),
                option("Milkshake").delta(350).station("bar").build()).build();
        Item burger = item("Cheeseburger")
                .name(new LocalizedText("Cheeseburger", Map.of("de", "Käseburger", "fr-CA", "Cheeseburger québécois")))
                .description(new LocalizedText("200 g beef, brioche bun", Map.of("de", "200 g Rind, Brioche")))
                .price(1250)
                .allergens(Allergen.CEREALS_CONTAINING_GLUTEN, Allergen.MILK, Allergen.EGGS, Allergen.MUSTARD, Allergen.SESAME)
                .prepMinutes(12)
                .calories(850)
                .imageKey("tenants/demo/menu/burger.webp")
                .preModifiersAllowed()
                .groups(doneness, toppings, side)
                .build();
        Item bowl = item("Buddha bowl").price(1100).station("cold").prepMinutes(0)
                .allergens(Allergen.SESAME, Allergen.SOYBEANS)
                .tags(DietaryTag.VEGAN, DietaryTag.GLUTEN_FREE)
                .calories(0)
                .servedDuring(lunch)
                .build();

        Size small = size("0.3 l", 350);
        Size large = size("0.5 l", 490);
        Item cola = item("Cola").sizes(small, large).station("bar")
                .groups(group("Extras").mode(GroupMode.OPTIONAL_ALWAYS_SHOWN).max(2).options(
                        option("Ice").byDefault().build(),
                        option("Lemon").delta(30).sizeDelta(large, 50).build()).build())
                .build();
        Item beer = item("Pils").sizes(size("0.3 l", 420), size("0.5 l", 590)).station("bar")
                .allergens(Allergen.CEREALS_CONTAINING_GLUTEN)
                .tags(DietaryTag.CONTAINS_ALCOHOL, DietaryTag.VEGAN)
                .build();
        Item fries = item("Loaded fries").price(790).tags(DietaryTag.VEGETARIAN).allergens(Allergen.MILK).build();

        return menu()
                .defaultLanguage("en")
                .dayparts(lunch, lateNight)
                .categories(
                        category("Burgers").name(new LocalizedText("Burgers", Map.of("de", "Burger")))
                                .description(Fixtures.text("From the grill")).items(burger, bowl).build(),
                        category("Drinks").items(cola, beer).build(),
                        category("Late bites").servedDuring(lateNight).items(fries).build())
                .build();
    }
}
