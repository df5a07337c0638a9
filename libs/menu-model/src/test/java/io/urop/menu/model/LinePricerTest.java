package io.urop.menu.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.urop.menu.model.SelectionProblem.Code;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.urop.menu.model.Fixtures.BERLIN;
import static io.urop.menu.model.Fixtures.WEDNESDAY_NOON;
import static io.urop.menu.model.Fixtures.category;
import static io.urop.menu.model.Fixtures.daypart;
import static io.urop.menu.model.Fixtures.group;
import static io.urop.menu.model.Fixtures.item;
import static io.urop.menu.model.Fixtures.line;
import static io.urop.menu.model.Fixtures.menu;
import static io.urop.menu.model.Fixtures.option;
import static io.urop.menu.model.Fixtures.pick;
import static io.urop.menu.model.Fixtures.size;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class LinePricerTest {

    private static PricingResult price(MenuIndex menu, LineSelection line) {
        return LinePricer.price(menu, Availability.ALL_AVAILABLE, WEDNESDAY_NOON, line);
    }

    private static PricedLine priced(PricingResult result) {
        assertThat(result).isInstanceOf(PricedLine.class);
        return (PricedLine) result;
    }

    private static PricedLine priced(MenuIndex menu, LineSelection line) {
        return priced(price(menu, line));
    }

    private static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> problems(PricingResult result) {
        assertThat(result).isInstanceOf(InvalidSelection.class);
        return assertThat(((InvalidSelection) result).problems()).extracting(SelectionProblem::path, SelectionProblem::code);
    }

    private static String groupPath(ModifierGroup group) {
        return "choices[groupId=" + group.id() + "]";
    }

    @Nested
    class TheLine {

        private final Item soup = item("Soup").price(650).build();
        private final MenuIndex menu = menu().items(soup).index();

        @Test
        void anItemWithoutChoicesCostsItsPrice() {
            PricedLine line = priced(menu, line(soup));

            assertThat(line.itemId()).isEqualTo(soup.id());
            assertThat(line.basePrice()).isEqualTo(650);
            assertThat(line.unitPrice()).isEqualTo(650);
            assertThat(line.total()).isEqualTo(650);
            assertThat(line.choices()).isEmpty();
        }

        @Test
        void theTotalIsTheUnitPriceTimesTheQuantity() {
            PricedLine line = priced(menu, line(3, soup));

            assertThat(line.quantity()).isEqualTo(3);
            assertThat(line.unitPrice()).isEqualTo(650);
            assertThat(line.total()).isEqualTo(1950);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 99})
        void theQuantityMayBeOneToNinetyNine(int quantity) {
            assertThat(priced(menu, line(quantity, soup)).total()).isEqualTo(650L * quantity);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 100})
        void otherQuantitiesAreRefused(int quantity) {
            problems(price(menu, line(quantity, soup))).containsExactly(tuple("quantity", Code.QUANTITY_INVALID));
        }

        @Test
        void anItemOfAnotherMenuIsUnknown() {
            problems(price(menu, line(item("Soup").build()))).containsExactly(tuple("itemId", Code.UNKNOWN_ITEM));
        }

        @Test
        void anUnknownItemStillReportsTheBadQuantity() {
            problems(price(menu, line(0, item("Ghost").build())))
                    .containsExactly(tuple("quantity", Code.QUANTITY_INVALID), tuple("itemId", Code.UNKNOWN_ITEM));
        }

        @Test
        void an86dItemCannotBeOrdered() {
            Availability soldOut = new Availability(Set.of(soup.id()), Set.of());

            problems(LinePricer.price(menu, soldOut, WEDNESDAY_NOON, line(soup))).containsExactly(tuple("itemId", Code.ITEM_UNAVAILABLE));
        }

        @Test
        void everyProblemIsReportedNotJustTheFirst() {
            ModifierOption bacon = option("Bacon").delta(200).build();
            ModifierGroup side = group("Side").required(1, 1).options(option("Fries").build()).build();
            ModifierGroup extras = group("Extras").options(bacon).build();
            Item burger = item("Burger").groups(side, extras).build();
            MenuIndex menu = menu().items(burger).index();
            Availability soldOut = new Availability(Set.of(burger.id()), Set.of(bacon.id()));

            PricingResult result = LinePricer.price(menu, soldOut, WEDNESDAY_NOON,
                    new LineSelection(burger.id(), UUID.randomUUID(), 0, List.of(pick(extras, bacon, 2))));

            problems(result).containsExactly(
                    tuple("quantity", Code.QUANTITY_INVALID),
                    tuple("itemId", Code.ITEM_UNAVAILABLE),
                    tuple("sizeId", Code.SIZE_NOT_EXPECTED),
                    tuple("choices[0].quantity", Code.OPTION_QUANTITY_INVALID),
                    tuple("choices[0].optionId", Code.OPTION_UNAVAILABLE),
                    tuple(groupPath(side), Code.TOO_FEW));
            assertThat(((InvalidSelection) result).problems()).allSatisfy(problem -> assertThat(problem.message()).isNotBlank());
        }
    }

    @Nested
    class Sizes {

        private final Size small = size("0.3 l", 350);
        private final Size large = size("0.5 l", 490);
        private final ModifierOption lemon = option("Lemon").delta(30).sizeDelta(large, 50).build();
        private final ModifierGroup extras = group("Extras").options(lemon).build();
        private final Item cola = item("Cola").sizes(small, large).groups(extras).build();
        private final Item water = item("Water").price(200).build();
        private final MenuIndex menu = menu().items(cola, water).index();

        @Test
        void theChosenSizeSetsThePrice() {
            assertThat(priced(menu, line(cola, small)).unitPrice()).isEqualTo(350);
            assertThat(priced(menu, line(cola, large)).unitPrice()).isEqualTo(490);
            assertThat(priced(menu, line(cola, large)).basePrice()).isEqualTo(490);
            assertThat(priced(menu, line(cola, large)).sizeId()).isEqualTo(large.id());
        }

        @Test
        void anOptionMayCostMoreInALargerSize() {
            PricedLine withSmall = priced(menu, line(cola, small, pick(extras, lemon)));
            PricedLine withLarge = priced(menu, line(cola, large, pick(extras, lemon)));

            assertThat(withSmall.unitPrice()).isEqualTo(350 + 30);
            assertThat(withLarge.unitPrice()).isEqualTo(490 + 50);
            assertThat(withLarge.choices()).singleElement().extracting(PricedChoice::unitPrice, PricedChoice::charged).containsExactly(50L, 50L);
        }

        @Test
        void anItemWithSizesNeedsOne() {
            problems(price(menu, line(cola))).containsExactly(tuple("sizeId", Code.SIZE_REQUIRED));
        }

        @Test
        void theSizeMustBeTheItems() {
            problems(price(menu, line(cola, size("1 l", 600)))).containsExactly(tuple("sizeId", Code.UNKNOWN_SIZE));
        }

        @Test
        void anItemWithoutSizesTakesNone() {
            problems(price(menu, line(water, small))).containsExactly(tuple("sizeId", Code.SIZE_NOT_EXPECTED));
        }
    }

    @Nested
    class MinAndMax {

        private final ModifierOption cheese = option("Cheese").delta(150).maxQuantity(2).build();
        private final ModifierOption bacon = option("Bacon").delta(200).maxQuantity(2).build();
        private final ModifierOption onions = option("Onions").delta(50).build();
        private final ModifierGroup toppings = group("Toppings").max(3).options(cheese, bacon, onions).build();
        private final ModifierOption fries = option("Fries").byDefault().build();
        private final ModifierOption salad = option("Salad").delta(100).build();
        private final ModifierGroup side = group("Side").required(1, 1).options(fries, salad).build();
        private final ModifierGroup sauces = group("Sauces").required(2, 3).options(
                option("Ketchup").build(), option("Mayo").build(), option("BBQ").build()).build();
        private final Item burger = item("Burger").price(1000).groups(side, toppings).build();
        private final Item nuggets = item("Nuggets").price(800).groups(sauces).build();
        private final MenuIndex menu = menu().items(burger, nuggets).index();

        @Test
        void aRequiredGroupLeftOutIsTooFew() {
            problems(price(menu, line(burger))).containsExactly(tuple(groupPath(side), Code.TOO_FEW));
        }

        @Test
        void defaultsAreNotImplied() {
            problems(price(menu, line(burger, pick(toppings, onions)))).containsExactly(tuple(groupPath(side), Code.TOO_FEW));
        }

        @Test
        void theMinimumExactlyIsEnough() {
            PricingResult two = price(menu, line(nuggets, pick(sauces, sauces.options().get(0)), pick(sauces, sauces.options().get(1))));
            PricingResult one = price(menu, line(nuggets, pick(sauces, sauces.options().get(0))));

            assertThat(priced(two).unitPrice()).isEqualTo(800);
            problems(one).containsExactly(tuple(groupPath(sauces), Code.TOO_FEW));
        }

        @Test
        void theMaximumExactlyIsAllowedAndOneMoreIsTooMany() {
            PricedLine three = priced(menu, line(burger, pick(side, fries), pick(toppings, cheese), pick(toppings, bacon), pick(toppings, onions)));
            assertThat(three.unitPrice()).isEqualTo(1000 + 150 + 200 + 50);

            problems(price(menu, line(burger, pick(side, fries), pick(toppings, cheese, 2), pick(toppings, bacon), pick(toppings, onions))))
                    .containsExactly(tuple(groupPath(toppings), Code.TOO_MANY));
        }

        @Test
        void aQuantityCountsAsThatManyPicks() {
            PricedLine twoCheese = priced(menu, line(burger, pick(side, fries), pick(toppings, cheese, 2), pick(toppings, onions)));
            assertThat(twoCheese.unitPrice()).isEqualTo(1000 + 2 * 150 + 50);
            assertThat(twoCheese.choices()).filteredOn(choice -> choice.optionId().equals(cheese.id()))
                    .singleElement().extracting(PricedChoice::quantity, PricedChoice::charged).containsExactly(2, 300L);

            problems(price(menu, line(burger, pick(side, fries), pick(toppings, cheese, 2), pick(toppings, bacon, 2))))
                    .containsExactly(tuple(groupPath(toppings), Code.TOO_MANY));
        }

        @Test
        void anOptionQuantityIsOneToItsMaximum() {
            problems(price(menu, line(burger, pick(side, fries), pick(toppings, onions, 2))))
                    .containsExactly(tuple("choices[1].quantity", Code.OPTION_QUANTITY_INVALID));
            problems(price(menu, line(burger, pick(side, fries, 0))))
                    .containsExactly(tuple("choices[0].quantity", Code.OPTION_QUANTITY_INVALID), tuple(groupPath(side), Code.TOO_FEW));
        }

        @Test
        void theSameOptionTwiceIsADuplicate() {
            problems(price(menu, line(burger, pick(side, fries), pick(toppings, cheese), pick(toppings, cheese))))
                    .containsExactly(tuple("choices[2].optionId", Code.DUPLICATE_CHOICE));
        }

        @Test
        void aGroupOfAnotherItemIsUnknown() {
            problems(price(menu, line(burger, pick(side, fries), pick(sauces, sauces.options().get(0)))))
                    .containsExactly(tuple("choices[1].groupId", Code.UNKNOWN_GROUP));
        }

        @Test
        void anOptionOfAnotherGroupIsUnknown() {
            problems(price(menu, line(burger, pick(side, cheese))))
                    .containsExactly(tuple("choices[0].optionId", Code.UNKNOWN_OPTION), tuple(groupPath(side), Code.TOO_FEW));
        }

        @Test
        void the86dOptionCannotBeChosenAnywhere() {
            ModifierOption avocado = option("Avocado").delta(200).build();
            ModifierGroup burgerExtras = group("Extras").options(avocado).build();
            ModifierGroup bowlExtras = group("Toppings").options(avocado).build();
            Item burger = item("Burger").groups(burgerExtras).build();
            Item bowl = item("Bowl").groups(bowlExtras).build();
            MenuIndex menu = menu().items(burger, bowl).index();
            Availability noAvocado = new Availability(Set.of(), Set.of(avocado.id()));

            problems(LinePricer.price(menu, noAvocado, WEDNESDAY_NOON, line(burger, pick(burgerExtras, avocado))))
                    .containsExactly(tuple("choices[0].optionId", Code.OPTION_UNAVAILABLE));
            problems(LinePricer.price(menu, noAvocado, WEDNESDAY_NOON, line(bowl, pick(bowlExtras, avocado))))
                    .containsExactly(tuple("choices[0].optionId", Code.OPTION_UNAVAILABLE));
            assertThat(priced(LinePricer.price(menu, noAvocado, WEDNESDAY_NOON, line(bowl))).unitPrice()).isEqualTo(1000);
        }

        @Test
        void theBreakdownFollowsTheMenuNotTheOrderSent() {
            PricedLine sent = priced(menu, line(burger, pick(toppings, onions), pick(toppings, cheese), pick(side, salad)));
            PricedLine reordered = priced(menu, line(burger, pick(side, salad), pick(toppings, cheese), pick(toppings, onions)));

            assertThat(sent).isEqualTo(reordered);
            assertThat(sent.choices()).extracting(PricedChoice::optionId).containsExactly(salad.id(), cheese.id(), onions.id());
        }
    }

    @Nested
    class FreePicks {

        private final ModifierOption cheese = option("Cheese").delta(150).maxQuantity(3).build();
        private final ModifierOption bacon = option("Bacon").delta(200).build();
        private final ModifierOption jalapenos = option("Jalapeños").delta(100).build();
        private final ModifierOption pickles = option("Pickles").delta(100).build();
        private final UUID toppingsId = UUID.randomUUID();
        private final UUID burgerId = UUID.randomUUID();

        /** A burger at 1000 whose toppings group (max 5) has the given number of free picks. */
        private PricedLine order(int maxFree, OptionChoice... choices) {
            ModifierGroup toppings = group("Toppings").id(toppingsId).max(5).maxFree(maxFree).options(cheese, bacon, jalapenos, pickles).build();
            Item burger = item("Burger").id(burgerId).price(1000).groups(toppings).build();
            return priced(menu().items(burger).index(), line(burger, choices));
        }

        private OptionChoice take(ModifierOption option) {
            return take(option, 1);
        }

        private OptionChoice take(ModifierOption option, int quantity) {
            return new OptionChoice(toppingsId, option.id(), quantity, null, List.of());
        }

        @Test
        void withoutFreePicksEverythingIsCharged() {
            PricedLine line = order(0, take(cheese), take(bacon));

            assertThat(line.unitPrice()).isEqualTo(1000 + 150 + 200);
            assertThat(line.choices()).allSatisfy(choice -> assertThat(choice.free()).isFalse());
        }

        @Test
        void theMostExpensivePickIsTheFreeOne() {
            PricedLine line = order(1, take(cheese), take(bacon));

            assertThat(line.unitPrice()).isEqualTo(1000 + 150);
            assertThat(line.choices()).extracting(PricedChoice::optionId, PricedChoice::freeQuantity, PricedChoice::charged)
                    .containsExactly(tuple(cheese.id(), 0, 150L), tuple(bacon.id(), 1, 0L));
            assertThat(line.choices().get(1).free()).isTrue();
        }

        @Test
        void whichPickIsFreeDoesNotDependOnTheOrderSent() {
            assertThat(order(1, take(bacon), take(cheese))).isEqualTo(order(1, take(cheese), take(bacon)));
        }

        @Test
        void atEqualPricesTheOptionListedFirstIsFree() {
            PricedLine line = order(1, take(pickles), take(jalapenos));

            assertThat(line.choices()).extracting(PricedChoice::optionId, PricedChoice::freeQuantity)
                    .containsExactly(tuple(jalapenos.id(), 1), tuple(pickles.id(), 0));
        }

        @Test
        void asManyFreePicksAsPicksMakeEverythingFree() {
            PricedLine line = order(5, take(cheese), take(bacon), take(pickles));

            assertThat(line.unitPrice()).isEqualTo(1000);
            assertThat(line.choices()).allSatisfy(choice -> assertThat(choice.free()).isTrue());
        }

        @Test
        void unitsOfOneChoiceCanBePartlyFree() {
            PricedLine line = order(1, take(cheese, 3));

            assertThat(line.unitPrice()).isEqualTo(1000 + 2 * 150);
            assertThat(line.choices()).singleElement().satisfies(choice -> {
                assertThat(choice.freeQuantity()).isEqualTo(1);
                assertThat(choice.charged()).isEqualTo(300);
                assertThat(choice.free()).isFalse();
            });
        }

        @Test
        void freePicksGoToTheExpensiveUnitsAcrossChoices() {
            PricedLine line = order(2, take(cheese, 2), take(bacon), take(pickles));

            assertThat(line.unitPrice()).isEqualTo(1000 + 150 + 100);
            assertThat(line.choices()).extracting(PricedChoice::optionId, PricedChoice::freeQuantity)
                    .containsExactly(tuple(cheese.id(), 1), tuple(bacon.id(), 1), tuple(pickles.id(), 0));
        }

        @Test
        void freePicksAreCountedPerGroup() {
            ModifierOption fries = option("Fries").delta(300).build();
            ModifierGroup side = group("Side").required(1, 1).maxFree(1).options(fries).build();
            ModifierGroup extras = group("Extras").max(2).options(bacon, cheese).build();
            Item burger = item("Burger").price(1000).groups(side, extras).build();

            PricedLine line = priced(menu().items(burger).index(), line(burger, pick(side, fries), pick(extras, bacon)));

            assertThat(line.unitPrice()).isEqualTo(1000 + 200);
        }
    }

    @Nested
    class PreModifiers {

        private final ModifierOption cheese = option("Cheese").delta(150)
                .preModifier(PreModifier.EXTRA, 250).preModifier(PreModifier.LIGHT, 100).preModifier(PreModifier.ON_THE_SIDE, 150)
                .build();
        private final ModifierOption onions = option("Onions").byDefault().removable().build();
        private final ModifierOption bacon = option("Bacon").delta(200).build();
        private final ModifierGroup toppings = group("Toppings").max(2).maxFree(0).options(cheese, onions, bacon).build();
        private final ModifierGroup sauce = group("Sauce").required(1, 1).options(option("Ketchup").removable().build()).build();
        private final Item burger = item("Burger").price(1000).preModifiersAllowed().groups(toppings).build();
        private final Item plainBurger = item("Plain burger").price(900).groups(toppings).build();
        private final Item hotDog = item("Hot dog").price(500).preModifiersAllowed().groups(sauce).build();
        private final MenuIndex menu = menu().items(burger, plainBurger, hotDog).index();

        @Test
        void aPreModifiersPriceReplacesTheDelta() {
            assertThat(priced(menu, line(burger, pick(toppings, cheese, PreModifier.EXTRA))).unitPrice()).isEqualTo(1000 + 250);
            assertThat(priced(menu, line(burger, pick(toppings, cheese, PreModifier.LIGHT))).unitPrice()).isEqualTo(1000 + 100);
            assertThat(priced(menu, line(burger, pick(toppings, cheese, PreModifier.ON_THE_SIDE))).unitPrice()).isEqualTo(1000 + 150);
        }

        @Test
        void thePreModifierIsKeptInTheBreakdown() {
            assertThat(priced(menu, line(burger, pick(toppings, cheese, PreModifier.EXTRA))).choices())
                    .singleElement().extracting(PricedChoice::preModifier, PricedChoice::unitPrice).containsExactly(PreModifier.EXTRA, 250L);
        }

        @Test
        void aPreModifierTheOptionDoesNotListIsRefused() {
            problems(price(menu, line(burger, pick(toppings, bacon, PreModifier.EXTRA))))
                    .containsExactly(tuple("choices[0].preModifier", Code.PRE_MODIFIER_NOT_ALLOWED));
            problems(price(menu, line(burger, pick(toppings, cheese, PreModifier.NO))))
                    .containsExactly(tuple("choices[0].preModifier", Code.PRE_MODIFIER_NOT_ALLOWED));
        }

        @Test
        void anItemNotAllowingPreModifiersRefusesThemEvenIfTheOptionListsThem() {
            problems(price(menu, line(plainBurger, pick(toppings, cheese, PreModifier.EXTRA))))
                    .containsExactly(tuple("choices[0].preModifier", Code.PRE_MODIFIER_NOT_ALLOWED));
        }

        @Test
        void removingAnOptionCostsNothingAndIsListedForTheKitchen() {
            PricedLine line = priced(menu, line(burger, pick(toppings, onions, PreModifier.NO)));

            assertThat(line.unitPrice()).isEqualTo(1000);
            assertThat(line.choices()).singleElement()
                    .extracting(PricedChoice::optionId, PricedChoice::preModifier, PricedChoice::charged)
                    .containsExactly(onions.id(), PreModifier.NO, 0L);
        }

        @Test
        void aRemovalIsNotAPickTowardTheMaximum() {
            PricedLine line = priced(menu, line(burger, pick(toppings, onions, PreModifier.NO), pick(toppings, cheese), pick(toppings, bacon)));

            assertThat(line.unitPrice()).isEqualTo(1000 + 150 + 200);
        }

        @Test
        void aRemovalIsNotAPickTowardTheMinimum() {
            problems(price(menu, line(hotDog, pick(sauce, sauce.options().get(0), PreModifier.NO))))
                    .containsExactly(tuple(groupPath(sauce), Code.TOO_FEW));
        }

        @Test
        void aRemovalIsOfOneUnit() {
            problems(price(menu, line(burger, pick(toppings, onions, 2, PreModifier.NO))))
                    .containsExactly(tuple("choices[0].quantity", Code.OPTION_QUANTITY_INVALID));
        }

        @Test
        void an86dOptionCanStillBeRemoved() {
            Availability noOnions = new Availability(Set.of(), Set.of(onions.id()));

            assertThat(priced(LinePricer.price(menu, noOnions, WEDNESDAY_NOON, line(burger, pick(toppings, onions, PreModifier.NO)))).unitPrice())
                    .isEqualTo(1000);
            problems(LinePricer.price(menu, noOnions, WEDNESDAY_NOON, line(burger, pick(toppings, onions))))
                    .containsExactly(tuple("choices[0].optionId", Code.OPTION_UNAVAILABLE));
        }

        @Test
        void aPreModifierPriceAlsoReplacesASizeDelta() {
            Size small = size("Small", 800);
            Size large = size("Large", 1100);
            ModifierOption extraCheese = option("Cheese").delta(100).sizeDelta(large, 200).preModifier(PreModifier.EXTRA, 300).build();
            ModifierGroup extras = group("Extras").options(extraCheese).build();
            Item pizza = item("Pizza").sizes(small, large).preModifiersAllowed().groups(extras).build();

            PricedLine line = priced(menu().items(pizza).index(), line(pizza, large, pick(extras, extraCheese, PreModifier.EXTRA)));

            assertThat(line.unitPrice()).isEqualTo(1100 + 300);
        }

        @Test
        void aPricierPreModifierIsTheFreePick() {
            ModifierGroup freeOne = group("Toppings").max(2).maxFree(1).options(cheese, bacon).build();
            Item burger = item("Burger").price(1000).preModifiersAllowed().groups(freeOne).build();

            PricedLine line = priced(menu().items(burger).index(), line(burger, pick(freeOne, cheese, PreModifier.EXTRA), pick(freeOne, bacon)));

            assertThat(line.unitPrice()).isEqualTo(1000 + 200);
            assertThat(line.choices().get(0).free()).isTrue();
        }
    }

    @Nested
    class NestedGroups {

        private final ModifierOption mayo = option("Mayo").build();
        private final ModifierOption aioli = option("Aioli").delta(80).build();
        private final ModifierGroup dip = group("Dip").required(1, 1).options(mayo, aioli).build();
        private final ModifierOption sweetPotato = option("Sweet potato fries").delta(150).groups(dip).build();
        private final ModifierOption fries = option("Fries").removable().build();
        private final ModifierGroup side = group("Side").required(1, 1).options(fries, sweetPotato).build();
        private final ModifierGroup extras = group("Extras").options(option("Bacon").delta(200).build()).build();
        private final Item burger = item("Burger").price(1000).preModifiersAllowed().groups(side, extras).build();
        private final MenuIndex menu = menu().items(burger).index();

        @Test
        void nestedChoicesAreChargedOnTop() {
            PricedLine line = priced(menu, line(burger, pick(side, sweetPotato, pick(dip, aioli))));

            assertThat(line.unitPrice()).isEqualTo(1000 + 150 + 80);
            assertThat(line.choices()).singleElement().satisfies(choice -> {
                assertThat(choice.charged()).isEqualTo(150);
                assertThat(choice.choices()).singleElement().extracting(PricedChoice::optionId, PricedChoice::charged)
                        .containsExactly(aioli.id(), 80L);
            });
        }

        @Test
        void aRequiredNestedGroupMustBeAnsweredWhenItsOptionIsChosen() {
            problems(price(menu, line(burger, pick(side, sweetPotato))))
                    .containsExactly(tuple("choices[0].choices[groupId=" + dip.id() + "]", Code.TOO_FEW));
        }

        @Test
        void aNestedGroupOfAnOptionNotChosenIsNotRequired() {
            assertThat(priced(menu, line(burger, pick(side, fries))).unitPrice()).isEqualTo(1000);
        }

        @Test
        void tooManyInANestedGroup() {
            problems(price(menu, line(burger, pick(side, sweetPotato, pick(dip, mayo), pick(dip, aioli)))))
                    .containsExactly(tuple("choices[0].choices[groupId=" + dip.id() + "]", Code.TOO_MANY));
        }

        @Test
        void aGroupThatIsNotNestedUnderTheOptionIsUnknownThere() {
            ModifierOption bacon = extras.options().get(0);

            problems(price(menu, line(burger, pick(side, sweetPotato, pick(dip, mayo), pick(extras, bacon)))))
                    .containsExactly(tuple("choices[0].choices[1].groupId", Code.UNKNOWN_GROUP));
        }

        @Test
        void aNestedChoiceAtTheTopHasNoParent() {
            problems(price(menu, line(burger, pick(side, fries), pick(dip, mayo))))
                    .containsExactly(tuple("choices[1].groupId", Code.NESTED_CHOICE_WITHOUT_PARENT));
        }

        @Test
        void aNestedChoiceUnderAnotherOptionHasNoParent() {
            problems(price(menu, line(burger, pick(side, fries, pick(dip, mayo)))))
                    .containsExactly(tuple("choices[0].choices[0].groupId", Code.NESTED_CHOICE_WITHOUT_PARENT));
        }

        @Test
        void aRemovedOptionOpensNoGroups() {
            ModifierOption removable = option("Sweet potato fries").delta(150).removable().groups(dip).build();
            ModifierGroup sides = group("Sides").max(2).options(fries, removable).build();
            Item item = item("Platter").preModifiersAllowed().groups(sides).build();

            problems(price(menu().items(item).index(), line(item, pick(sides, removable, PreModifier.NO, pick(dip, mayo)))))
                    .containsExactly(tuple("choices[0].choices[0].groupId", Code.NESTED_CHOICE_WITHOUT_PARENT));
        }

        @Test
        void freePicksOfANestedGroupAreItsOwn() {
            ModifierGroup freeDip = group("Dip").required(1, 1).maxFree(1).options(mayo, aioli).build();
            ModifierOption loaded = option("Loaded fries").delta(150).groups(freeDip).build();
            ModifierGroup sides = group("Side").required(1, 1).options(loaded).build();
            Item item = item("Burger").price(1000).groups(sides).build();

            PricedLine line = priced(menu().items(item).index(), line(item, pick(sides, loaded, pick(freeDip, aioli))));

            assertThat(line.unitPrice()).isEqualTo(1000 + 150);
            assertThat(line.choices().get(0).choices().get(0).free()).isTrue();
        }
    }

    @Nested
    class Dayparts {

        private final Daypart lunch = daypart("Lunch", LocalTime.of(11, 30), LocalTime.of(15, 0),
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        private final Daypart weekdays = daypart("Weekdays", LocalTime.MIN, LocalTime.of(23, 59),
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        private final Daypart lateNight = daypart("Late night", LocalTime.of(22, 0), LocalTime.of(2, 0), DayOfWeek.FRIDAY);
        private final Item lunchSpecial = item("Lunch special").servedDuring(lunch).build();
        private final Item nachos = item("Nachos").build();
        private final Item weekdayNachos = item("Weekday nachos").servedDuring(weekdays).build();
        private final MenuIndex menu = menu().dayparts(lunch, weekdays, lateNight).categories(
                category("Specials").items(lunchSpecial).build(),
                category("Late bites").servedDuring(lateNight).items(nachos, weekdayNachos).build()).index();

        private PricingResult at(ZonedDateTime time, Item item) {
            return LinePricer.price(menu, Availability.ALL_AVAILABLE, time, line(item));
        }

        @Test
        void anItemIsServedDuringItsDaypart() {
            assertThat(at(WEDNESDAY_NOON, lunchSpecial)).isInstanceOf(PricedLine.class);
            problems(at(WEDNESDAY_NOON.withHour(16), lunchSpecial)).containsExactly(tuple("itemId", Code.NOT_SERVED_NOW));
            problems(at(WEDNESDAY_NOON.plusDays(3), lunchSpecial)).containsExactly(tuple("itemId", Code.NOT_SERVED_NOW));
        }

        @Test
        void theCategorysDaypartAppliesToItsItems() {
            ZonedDateTime fridayNight = ZonedDateTime.of(2026, 11, 27, 23, 0, 0, 0, BERLIN);

            assertThat(at(fridayNight, nachos)).isInstanceOf(PricedLine.class);
            problems(at(WEDNESDAY_NOON, nachos)).containsExactly(tuple("itemId", Code.NOT_SERVED_NOW));
        }

        @Test
        void theLateNightWindowBelongsToTheDayItStarts() {
            ZonedDateTime saturdayOne = ZonedDateTime.of(2026, 11, 28, 1, 0, 0, 0, BERLIN);
            ZonedDateTime fridayOne = ZonedDateTime.of(2026, 11, 27, 1, 0, 0, 0, BERLIN);

            assertThat(at(saturdayOne, nachos)).isInstanceOf(PricedLine.class);
            problems(at(fridayOne, nachos)).containsExactly(tuple("itemId", Code.NOT_SERVED_NOW));
        }

        @Test
        void anItemMustBeServedByBothItsOwnAndItsCategorysDayparts() {
            ZonedDateTime fridayNight = ZonedDateTime.of(2026, 11, 27, 23, 0, 0, 0, BERLIN);
            ZonedDateTime saturdayOne = ZonedDateTime.of(2026, 11, 28, 1, 0, 0, 0, BERLIN);

            assertThat(at(fridayNight, weekdayNachos)).isInstanceOf(PricedLine.class);
            problems(at(saturdayOne, weekdayNachos)).containsExactly(tuple("itemId", Code.NOT_SERVED_NOW));
        }

        @Test
        void theTimeIsTheLocationsWallClock() {
            Instant instant = Instant.parse("2026-11-25T14:30:00Z");

            problems(at(instant.atZone(BERLIN), lunchSpecial)).containsExactly(tuple("itemId", Code.NOT_SERVED_NOW));
            assertThat(at(instant.atZone(ZoneId.of("America/New_York")), lunchSpecial))
                    .isInstanceOf(InvalidSelection.class);
            assertThat(at(instant.atZone(ZoneId.of("Europe/London")), lunchSpecial)).isInstanceOf(PricedLine.class);
        }
    }

    @Nested
    class Overflow {

        @Test
        void aTotalTooLargeForALongIsInvalidNotWrapped() {
            Item gold = item("Gold").price(Long.MAX_VALUE / 2).build();

            assertThat(priced(menu().items(gold).index(), line(2, gold)).total()).isEqualTo(Long.MAX_VALUE / 2 * 2);
            problems(price(menu().items(gold).index(), line(3, gold))).containsExactly(tuple("", Code.PRICE_OVERFLOW));
        }

        @Test
        void aUnitPriceTooLargeIsInvalid() {
            ModifierOption leaf = option("Gold leaf").delta(Long.MAX_VALUE / 2 + 1).build();
            ModifierGroup extras = group("Extras").options(leaf).build();
            Item dessert = item("Dessert").price(Long.MAX_VALUE / 2 + 1).groups(extras).build();

            problems(price(menu().items(dessert).index(), line(dessert, pick(extras, leaf)))).containsExactly(tuple("", Code.PRICE_OVERFLOW));
        }

        @Test
        void anOptionQuantityTooExpensiveIsInvalid() {
            ModifierOption leaf = option("Gold leaf").delta(Long.MAX_VALUE / 2).maxQuantity(3).build();
            ModifierGroup extras = group("Extras").max(3).options(leaf).build();
            Item dessert = item("Dessert").price(0).groups(extras).build();

            problems(price(menu().items(dessert).index(), line(dessert, pick(extras, leaf, 3)))).containsExactly(tuple("", Code.PRICE_OVERFLOW));
        }
    }
}
