package io.urop.menu.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.urop.menu.model.Violation.Code;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.urop.menu.model.Fixtures.category;
import static io.urop.menu.model.Fixtures.daypart;
import static io.urop.menu.model.Fixtures.group;
import static io.urop.menu.model.Fixtures.item;
import static io.urop.menu.model.Fixtures.menu;
import static io.urop.menu.model.Fixtures.option;
import static io.urop.menu.model.Fixtures.size;
import static io.urop.menu.model.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class MenuValidatorTest {

    private static final String ITEM = "categories[0].items[0]";
    private static final String GROUP = ITEM + ".modifierGroups[0]";
    private static final String OPTION = GROUP + ".options[0]";

    @Test
    void aMenuUsingEveryFeatureIsValid() {
        assertThat(MenuValidator.validate(RichMenu.build())).isEmpty();
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        Item broken = item(" ").price(-5).station("").prepMinutes(-1).calories(-1).build();

        violations(menu().currency("EURO").items(broken).build()).containsExactly(
                tuple("currency", Code.INVALID_CURRENCY),
                tuple(ITEM + ".name", Code.REQUIRED),
                tuple(ITEM + ".price", Code.PRICE_OUT_OF_RANGE),
                tuple(ITEM + ".station", Code.REQUIRED),
                tuple(ITEM + ".prepMinutes", Code.OUT_OF_RANGE),
                tuple(ITEM + ".calories", Code.OUT_OF_RANGE));
    }

    @Test
    void anItemWithoutAStationOfItsOwnIsMadeAtItsCategorysAndOneWithNeitherIsRefused() {
        Item cola = item("Cola").station(null).build();
        Item coffee = item("Coffee").station("barista").build();
        Category drinks = category("Drinks").station("bar").items(cola, coffee).build();
        MenuSnapshot menu = menu().categories(drinks).build();

        assertThat(MenuValidator.validate(menu)).isEmpty();
        MenuIndex index = MenuIndex.of(menu);
        assertThat(index.stationOf(cola)).isEqualTo("bar");
        assertThat(index.stationOf(coffee)).as("its own station wins").isEqualTo("barista");

        violations(menu().categories(category("Food").items(item("Soup").station(null).build()).build()).build())
                .containsExactly(tuple("categories[0].items[0].station", Code.REQUIRED));
        violations(menu().categories(category("Food").station(" ").items(item("Soup").build()).build()).build())
                .containsExactly(tuple("categories[0].station", Code.REQUIRED));
    }

    @Test
    void thePathLeadsIntoNestedGroupsOfLaterCategories() {
        ModifierGroup badNested = group("Dip").max(0).options(option("Mayo").build()).build();
        Item second = item("Fries").groups(group("Side").options(option("Plain").build(), option("Loaded").groups(badNested).build()).build()).build();
        MenuSnapshot snapshot = menu().categories(
                category("Starters").items(item("Soup").build()).build(),
                category("Mains").items(item("Burger").build(), second).build()).build();

        List<Violation> found = MenuValidator.validate(snapshot);

        assertThat(found).extracting(Violation::path, Violation::code).containsExactly(
                tuple("categories[1].items[1].modifierGroups[0].options[1].modifierGroups[0].max", Code.OUT_OF_RANGE));
        assertThat(found.get(0).message()).isNotBlank();
    }

    // --- menu ---

    @Test
    void theMenuAndTenantIdsAreRequired() {
        MenuSnapshot snapshot = new MenuSnapshot(null, null, 1, Instant.EPOCH, "EUR", "en", List.of(), List.of());

        violations(snapshot).containsExactly(tuple("menuId", Code.REQUIRED), tuple("tenantId", Code.REQUIRED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EURO", "eur", "XYZ", "€"})
    void theCurrencyIsAnIso4217Code(String currency) {
        assertOnly(menu().currency(currency).build(), "currency", Code.INVALID_CURRENCY);
    }

    @Test
    void theCurrencyIsRequired() {
        assertOnly(menu().currency(null).build(), "currency", Code.REQUIRED);
        assertThat(MenuValidator.validate(menu().currency("JPY").build())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en_US", "english", "e", "de-", "12"})
    void theDefaultLanguageIsAWellFormedTag(String tag) {
        assertOnly(menu().defaultLanguage(tag).build(), "defaultLanguage", Code.INVALID_LANGUAGE_TAG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de-AT", "zh-Hant-TW", "gsw", "es-419"})
    void realLanguageTagsAreAccepted(String tag) {
        assertThat(MenuValidator.validate(menu().defaultLanguage(tag).build())).isEmpty();
    }

    @Test
    void theDefaultLanguageIsRequired() {
        assertOnly(menu().defaultLanguage(" ").build(), "defaultLanguage", Code.REQUIRED);
    }

    // --- texts ---

    @Test
    void namesAreNotBlank() {
        assertOnly(menu().items(item("  ").build()).build(), ITEM + ".name", Code.REQUIRED);
        assertOnly(menu().items(item("Soup").name(null).build()).build(), ITEM + ".name", Code.REQUIRED);
        assertOnly(menu().categories(category("").build()).build(), "categories[0].name", Code.REQUIRED);
        assertOnly(withGroup(group("").options(option("A").build())), GROUP + ".name", Code.REQUIRED);
        assertOnly(withGroup(group("G").options(option(" ").build())), OPTION + ".name", Code.REQUIRED);
        assertOnly(menu().items(item("Cola").sizes(size("", 300), size("Large", 400)).build()).build(),
                ITEM + ".sizes[0].name", Code.REQUIRED);
    }

    @Test
    void aDescriptionIsOptionalButNotOnlyTranslated() {
        assertThat(MenuValidator.validate(menu().items(item("Soup").description(null).build()).build())).isEmpty();
        assertThat(MenuValidator.validate(menu().items(item("Soup").description(text("")).build()).build())).isEmpty();

        Item onlyTranslated = item("Soup").description(new LocalizedText("", Map.of("de", "Suppe des Tages"))).build();
        assertOnly(menu().items(onlyTranslated).build(), ITEM + ".description", Code.REQUIRED);
    }

    @Test
    void textsHaveAMaximumLength() {
        String longName = "x".repeat(MenuValidator.MAX_NAME_LENGTH + 1);
        assertOnly(menu().items(item(longName).build()).build(), ITEM + ".name", Code.TOO_LONG);
        assertThat(MenuValidator.validate(menu().items(item("x".repeat(MenuValidator.MAX_NAME_LENGTH)).build()).build())).isEmpty();

        Item longDescription = item("Soup").description(text("x".repeat(MenuValidator.MAX_DESCRIPTION_LENGTH + 1))).build();
        assertOnly(menu().items(longDescription).build(), ITEM + ".description", Code.TOO_LONG);

        Item longTranslation = item("Soup").name(new LocalizedText("Soup", Map.of("de", longName))).build();
        assertOnly(menu().items(longTranslation).build(), ITEM + ".name.translations[de]", Code.TOO_LONG);
    }

    @Test
    void translationsAreKeyedByWellFormedTagsAndNotBlank() {
        Item badTag = item("Soup").name(new LocalizedText("Soup", Map.of("de_DE", "Suppe"))).build();
        assertOnly(menu().items(badTag).build(), ITEM + ".name.translations[de_DE]", Code.INVALID_LANGUAGE_TAG);

        Item blank = item("Soup").name(new LocalizedText("Soup", Map.of("de", " "))).build();
        assertOnly(menu().items(blank).build(), ITEM + ".name.translations[de]", Code.REQUIRED);
    }

    // --- ids ---

    @Test
    void idsArePresent() {
        assertOnly(menu().items(item("Soup").id(null).build()).build(), ITEM + ".id", Code.REQUIRED);
        assertOnly(withGroup(group("G").id(null).options(option("A").build())), GROUP + ".id", Code.REQUIRED);
        assertOnly(withGroup(group("G").options(option("A").id(null).build())), OPTION + ".id", Code.REQUIRED);
    }

    @Test
    void itemIdsAreUniqueAcrossTheMenu() {
        UUID id = UUID.randomUUID();
        MenuSnapshot snapshot = menu().categories(
                category("Starters").items(item("Soup").id(id).build()).build(),
                category("Mains").items(item("Burger").id(id).build()).build()).build();

        assertOnly(snapshot, "categories[1].items[0].id", Code.DUPLICATE_ID);
    }

    @Test
    void categoryIdsAreUnique() {
        Category starters = category("Starters").build();

        assertOnly(menu().categories(starters, starters).build(), "categories[1].id", Code.DUPLICATE_ID);
    }

    @Test
    void daypartIdsAreUnique() {
        Daypart lunch = daypart("Lunch", LocalTime.NOON, LocalTime.of(15, 0), DayOfWeek.MONDAY);
        Daypart copy = new Daypart(lunch.id(), "Dinner", Set.of(DayOfWeek.MONDAY), LocalTime.of(18, 0), LocalTime.of(22, 0));

        assertOnly(menu().dayparts(lunch, copy).build(), "dayparts[1].id", Code.DUPLICATE_ID);
    }

    @Test
    void sizeIdsAreUniqueAcrossTheMenu() {
        Size small = size("Small", 300);
        MenuSnapshot snapshot = menu().items(
                item("Cola").sizes(small, size("Large", 400)).build(),
                item("Fanta").sizes(size("Large", 400), small).build()).build();

        assertOnly(snapshot, "categories[0].items[1].sizes[1].id", Code.DUPLICATE_ID);
    }

    @Test
    void groupIdsAreUniqueWithinAnItemNestedGroupsIncluded() {
        UUID id = UUID.randomUUID();
        ModifierGroup nested = group("Dip").id(id).options(option("Mayo").build()).build();
        ModifierGroup top = group("Side").id(id).options(option("Fries").groups(nested).build()).build();

        assertOnly(withGroup(top), OPTION + ".modifierGroups[0].id", Code.DUPLICATE_ID);
    }

    @Test
    void optionIdsAreUniqueWithinAGroup() {
        UUID id = UUID.randomUUID();

        assertOnly(withGroup(group("G").max(2).options(option("A").id(id).build(), option("B").id(id).build())),
                GROUP + ".options[1].id", Code.DUPLICATE_ID);
    }

    @Test
    void sharedGroupsAndOptionsMayRecurAcrossItemsAndGroups() {
        ModifierOption avocado = option("Avocado").delta(200).build();
        ModifierGroup extras = group("Extras").options(avocado).build();
        ModifierGroup more = group("More extras").options(avocado).build();

        MenuSnapshot snapshot = menu().items(item("Burger").groups(extras, more).build(), item("Bowl").groups(extras).build()).build();

        assertThat(MenuValidator.validate(snapshot)).isEmpty();
    }

    // --- amounts and sizes ---

    @Test
    void pricesAreNeitherNegativeNorAbsurd() {
        assertOnly(menu().items(item("Soup").price(-1).build()).build(), ITEM + ".price", Code.PRICE_OUT_OF_RANGE);
        assertOnly(menu().items(item("Soup").price(MenuValidator.MAX_AMOUNT + 1).build()).build(), ITEM + ".price", Code.PRICE_OUT_OF_RANGE);
        assertThat(MenuValidator.validate(menu().items(item("Water").price(0).build(), item("Caviar").price(MenuValidator.MAX_AMOUNT).build()).build()))
                .isEmpty();
    }

    @Test
    void sizePricesAreNotNegative() {
        assertOnly(menu().items(item("Cola").sizes(size("Small", -1), size("Large", 400)).build()).build(),
                ITEM + ".sizes[0].price", Code.PRICE_OUT_OF_RANGE);
    }

    @Test
    void priceDeltasAreNotNegative() {
        assertOnly(withGroup(group("G").options(option("A").delta(-50).build())), OPTION + ".priceDelta", Code.PRICE_OUT_OF_RANGE);
    }

    @Test
    void anItemWithSizesHasNoPriceOfItsOwn() {
        Item cola = item("Cola").sizes(size("Small", 300), size("Large", 400)).price(350).build();

        assertOnly(menu().items(cola).build(), ITEM + ".price", Code.PRICE_WITH_SIZES);
    }

    @Test
    void anItemWithSizesHasAtLeastTwo() {
        assertOnly(menu().items(item("Cola").sizes(size("Only", 300)).build()).build(), ITEM + ".sizes", Code.TOO_FEW_SIZES);
    }

    @Test
    void sizeOverridesNameSizesOfTheItemAndAreNotNegative() {
        Size small = size("Small", 300);
        Size large = size("Large", 400);
        Size foreign = size("Other", 100);
        ModifierGroup withForeign = group("G").options(option("Lemon").sizeDelta(foreign, 50).build()).build();
        ModifierGroup withNegative = group("G").options(option("Lemon").sizeDelta(large, -50).build()).build();

        assertOnly(menu().items(item("Cola").sizes(small, large).groups(withForeign).build()).build(),
                OPTION + ".sizePriceDeltas[" + foreign.id() + "]", Code.UNKNOWN_SIZE);
        assertOnly(menu().items(item("Cola").sizes(small, large).groups(withNegative).build()).build(),
                OPTION + ".sizePriceDeltas[" + large.id() + "]", Code.PRICE_OUT_OF_RANGE);
    }

    // --- groups ---

    @Test
    void minIsNotNegative() {
        assertOnly(withGroup(group("G").min(-1).options(option("A").build())), GROUP + ".min", Code.OUT_OF_RANGE);
    }

    @Test
    void maxIsAtLeastOne() {
        assertOnly(withGroup(group("G").max(0).options(option("A").build())), GROUP + ".max", Code.OUT_OF_RANGE);
    }

    @Test
    void minIsNotAboveMax() {
        assertOnly(withGroup(group("G").required(3, 2).options(option("A").maxQuantity(2).build(), option("B").maxQuantity(2).build())),
                GROUP + ".min", Code.MIN_ABOVE_MAX);
    }

    @Test
    void maxFreeIsBetweenZeroAndMax() {
        assertOnly(withGroup(group("G").max(2).maxFree(-1).options(option("A").build())), GROUP + ".maxFree", Code.OUT_OF_RANGE);
        assertOnly(withGroup(group("G").max(2).maxFree(3).options(option("A").build())), GROUP + ".maxFree", Code.OUT_OF_RANGE);
        assertThat(MenuValidator.validate(withGroup(group("G").max(2).maxFree(2).options(option("A").build())))).isEmpty();
    }

    @Test
    void aRequiredGroupHasAMinimum() {
        assertOnly(withGroup(group("G").required(0, 1).options(option("A").build())), GROUP + ".min", Code.MODE_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OPTIONAL", "OPTIONAL_ALWAYS_SHOWN"})
    void anOptionalGroupHasNoMinimum(GroupMode mode) {
        assertOnly(withGroup(group("G").mode(mode).min(1).options(option("A").build())), GROUP + ".mode", Code.MODE_MISMATCH);
    }

    @Test
    void aGroupHasAMode() {
        assertOnly(withGroup(group("G").mode(null).options(option("A").build())), GROUP + ".mode", Code.REQUIRED);
    }

    @Test
    void aGroupHasOptions() {
        assertOnly(withGroup(group("G")), GROUP + ".options", Code.REQUIRED);
    }

    @Test
    void theOptionsCanReachTheMinimum() {
        assertOnly(withGroup(group("Pick three").required(3, 3).options(option("A").build(), option("B").build())),
                GROUP + ".min", Code.MIN_UNREACHABLE);
        assertThat(MenuValidator.validate(withGroup(group("Pick three").required(3, 3)
                .options(option("A").build(), option("B").maxQuantity(2).build())))).isEmpty();
    }

    @Test
    void theDefaultsFitInTheMaximum() {
        assertOnly(withGroup(group("Side").required(1, 1).options(option("Fries").byDefault().build(), option("Salad").byDefault().build())),
                GROUP, Code.TOO_MANY_DEFAULTS);
        assertThat(MenuValidator.validate(withGroup(group("Sides").required(1, 2)
                .options(option("Fries").byDefault().build(), option("Salad").byDefault().build())))).isEmpty();
    }

    // --- options ---

    @Test
    void maxQuantityIsBetweenOneAndTheGroupsMax() {
        assertOnly(withGroup(group("G").max(2).options(option("A").maxQuantity(0).build())), OPTION + ".maxQuantity", Code.OUT_OF_RANGE);
        assertOnly(withGroup(group("G").max(2).options(option("A").maxQuantity(3).build())), OPTION + ".maxQuantity", Code.OUT_OF_RANGE);
        assertThat(MenuValidator.validate(withGroup(group("G").max(2).options(option("A").maxQuantity(2).build())))).isEmpty();
    }

    @Test
    void anOptionsStationIsOptionalButNamedAndShortWhenGiven() {
        assertOnly(withGroup(group("G").options(option("Milkshake").station(" ").build())), OPTION + ".station", Code.REQUIRED);
        String tooLong = "s".repeat(MenuValidator.MAX_STATION_LENGTH + 1);
        assertOnly(withGroup(group("G").options(option("Milkshake").station(tooLong).build())), OPTION + ".station", Code.TOO_LONG);
        ModifierGroup nested = group("Topping").options(option("Whipped cream").station(" ").build()).build();
        assertOnly(withGroup(group("G").options(option("Milkshake").groups(nested).build())),
                OPTION + ".modifierGroups[0].options[0].station", Code.REQUIRED);
        assertThat(MenuValidator.validate(withGroup(group("G").max(2).options(option("Fries").station(null).build(),
                option("Milkshake").station("s".repeat(MenuValidator.MAX_STATION_LENGTH)).build())))).isEmpty();
    }

    @Test
    void anOptionOpeningGroupsIsTakenOnce() {
        ModifierGroup dips = group("Dip").options(option("Mayo").build()).build();

        assertOnly(withGroup(group("Side").max(2).options(option("Fries").maxQuantity(2).groups(dips).build())),
                OPTION + ".maxQuantity", Code.OUT_OF_RANGE);
    }

    @Test
    void groupsNestOneLevelDeepOnly() {
        ModifierGroup third = group("Sauce").options(option("Ketchup").build()).build();
        ModifierGroup second = group("Dip").options(option("Mayo").groups(third).build()).build();

        assertOnly(withGroup(group("Side").options(option("Fries").groups(second).build())),
                OPTION + ".modifierGroups[0].options[0].modifierGroups", Code.NESTING_TOO_DEEP);
    }

    @Test
    void nestedGroupsFollowTheSameRules() {
        ModifierGroup nested = group("Dip").required(0, 1).options(option("Mayo").delta(-1).build()).build();

        violations(withGroup(group("Side").options(option("Fries").groups(nested).build()))).containsExactly(
                tuple(OPTION + ".modifierGroups[0].min", Code.MODE_MISMATCH),
                tuple(OPTION + ".modifierGroups[0].options[0].priceDelta", Code.PRICE_OUT_OF_RANGE));
    }

    @Test
    void removingSomethingIsFree() {
        Item item = item("Burger").preModifiersAllowed().groups(group("G").options(option("Onions").preModifier(PreModifier.NO, 10).build()).build()).build();

        assertOnly(menu().items(item).build(), OPTION + ".preModifiers[NO]", Code.PRICED_REMOVAL);
    }

    @Test
    void preModifierPricesAreNotNegative() {
        Item item = item("Burger").preModifiersAllowed().groups(group("G").options(option("Cheese").preModifier(PreModifier.EXTRA, -1).build()).build()).build();

        assertOnly(menu().items(item).build(), OPTION + ".preModifiers[EXTRA]", Code.PRICE_OUT_OF_RANGE);
    }

    @Test
    void preModifiersNeedAnItemThatAllowsThem() {
        Item item = item("Burger").groups(group("G").options(option("Onions").removable().build()).build()).build();

        assertOnly(menu().items(item).build(), OPTION + ".preModifiers", Code.PRE_MODIFIERS_NOT_ALLOWED);
    }

    // --- items ---

    @Test
    void anItemHasAStation() {
        assertOnly(menu().items(item("Soup").station(" ").build()).build(), ITEM + ".station", Code.REQUIRED);
        assertOnly(menu().items(item("Soup").station("s".repeat(MenuValidator.MAX_STATION_LENGTH + 1)).build()).build(),
                ITEM + ".station", Code.TOO_LONG);
    }

    @Test
    void aPreparationTimeIsBetweenZeroAndFourHoursOrUnknown() {
        assertOnly(menu().items(item("Soup").prepMinutes(-1).build()).build(), ITEM + ".prepMinutes", Code.OUT_OF_RANGE);
        assertOnly(menu().items(item("Roast").prepMinutes(241).build()).build(), ITEM + ".prepMinutes", Code.OUT_OF_RANGE);
        assertThat(MenuValidator.validate(menu().items(item("Water").prepMinutes(0).build(),
                item("Roast").prepMinutes(240).build(), item("Bread").prepMinutes(null).build()).build())).isEmpty();
    }

    @Test
    void caloriesAreNotNegative() {
        assertOnly(menu().items(item("Soup").calories(-1).build()).build(), ITEM + ".calories", Code.OUT_OF_RANGE);
        assertThat(MenuValidator.validate(menu().items(item("Water").calories(0).build(), item("Bread").calories(null).build()).build()))
                .isEmpty();
    }

    @Test
    void dietaryTagsDoNotContradictTheAllergens() {
        assertOnly(menu().items(item("Latte").tags(DietaryTag.VEGAN).allergens(Allergen.MILK).build()).build(),
                ITEM + ".dietaryTags", Code.CONTRADICTS_ALLERGEN);
        assertOnly(menu().items(item("Bread").tags(DietaryTag.GLUTEN_FREE).allergens(Allergen.CEREALS_CONTAINING_GLUTEN).build()).build(),
                ITEM + ".dietaryTags", Code.CONTRADICTS_ALLERGEN);
        assertOnly(menu().items(item("Satay").tags(DietaryTag.NUT_FREE).allergens(Allergen.PEANUTS).build()).build(),
                ITEM + ".dietaryTags", Code.CONTRADICTS_ALLERGEN);
        assertThat(MenuValidator.validate(menu().items(item("Latte").tags(DietaryTag.VEGETARIAN).allergens(Allergen.MILK).build()).build()))
                .isEmpty();
    }

    // --- dayparts ---

    @Test
    void referencedDaypartsExist() {
        UUID unknown = UUID.randomUUID();

        assertOnly(menu().categories(category("Lunch").servedDuring(unknown).build()).build(), "categories[0].daypartIds", Code.UNKNOWN_DAYPART);
        assertOnly(menu().items(item("Soup").servedDuring(unknown).build()).build(), ITEM + ".daypartIds", Code.UNKNOWN_DAYPART);
    }

    @Test
    void aDaypartHasADay() {
        assertOnly(menu().dayparts(daypart("Never", LocalTime.NOON, LocalTime.of(14, 0))).build(), "dayparts[0].days", Code.REQUIRED);
    }

    @Test
    void aDaypartDoesNotEndWhenItStarts() {
        assertOnly(menu().dayparts(daypart("Empty", LocalTime.NOON, LocalTime.NOON, DayOfWeek.MONDAY)).build(),
                "dayparts[0].end", Code.EMPTY_TIME_WINDOW);
    }

    @Test
    void aDaypartHasANameAndTimes() {
        assertOnly(menu().dayparts(daypart(" ", LocalTime.NOON, LocalTime.of(14, 0), DayOfWeek.MONDAY)).build(), "dayparts[0].name", Code.REQUIRED);
        violations(menu().dayparts(daypart("Lunch", null, null, DayOfWeek.MONDAY)).build()).containsExactly(
                tuple("dayparts[0].start", Code.REQUIRED), tuple("dayparts[0].end", Code.REQUIRED));
    }

    @Test
    void aDaypartMayCrossMidnight() {
        assertThat(MenuValidator.validate(menu().dayparts(daypart("Late", LocalTime.of(22, 0), LocalTime.of(2, 0), DayOfWeek.FRIDAY)).build()))
                .isEmpty();
    }

    // --- limits ---

    @Test
    void aGroupHasAtMostFiftyOptions() {
        ModifierOption[] options = IntStream.rangeClosed(1, MenuValidator.MAX_OPTIONS_PER_GROUP + 1)
                .mapToObj(i -> option("Option " + i).build()).toArray(ModifierOption[]::new);

        assertOnly(withGroup(group("G").options(options)), GROUP + ".options", Code.LIMIT_EXCEEDED);
    }

    @Test
    void anItemHasAtMostTwentyGroups() {
        ModifierGroup[] groups = IntStream.rangeClosed(1, MenuValidator.MAX_GROUPS_PER_ITEM + 1)
                .mapToObj(i -> group("Group " + i).options(option("A").build()).build()).toArray(ModifierGroup[]::new);

        assertOnly(menu().items(item("Burger").groups(groups).build()).build(), ITEM + ".modifierGroups", Code.LIMIT_EXCEEDED);
    }

    @Test
    void anOptionOpensAtMostFiveGroups() {
        ModifierGroup[] groups = IntStream.rangeClosed(1, MenuValidator.MAX_GROUPS_PER_OPTION + 1)
                .mapToObj(i -> group("Group " + i).options(option("A").build()).build()).toArray(ModifierGroup[]::new);

        assertOnly(withGroup(group("Side").options(option("Fries").groups(groups).build())), OPTION + ".modifierGroups", Code.LIMIT_EXCEEDED);
    }

    @Test
    void anItemHasAtMostTenSizes() {
        Size[] sizes = IntStream.rangeClosed(1, MenuValidator.MAX_SIZES_PER_ITEM + 1).mapToObj(i -> size("Size " + i, 100L * i)).toArray(Size[]::new);

        assertOnly(menu().items(item("Cola").sizes(sizes).build()).build(), ITEM + ".sizes", Code.LIMIT_EXCEEDED);
    }

    @Test
    void aMenuHasBoundedCategoriesItemsAndDayparts() {
        Category[] categories = IntStream.rangeClosed(1, MenuValidator.MAX_CATEGORIES + 1)
                .mapToObj(i -> category("Category " + i).build()).toArray(Category[]::new);
        assertOnly(menu().categories(categories).build(), "categories", Code.LIMIT_EXCEEDED);

        Item[] items = IntStream.rangeClosed(1, MenuValidator.MAX_ITEMS + 1).mapToObj(i -> item("Item " + i).build()).toArray(Item[]::new);
        assertOnly(menu().items(items).build(), "categories", Code.LIMIT_EXCEEDED);

        Daypart[] dayparts = IntStream.rangeClosed(1, MenuValidator.MAX_DAYPARTS + 1)
                .mapToObj(i -> daypart("Daypart " + i, LocalTime.NOON, LocalTime.of(13, 0), DayOfWeek.MONDAY)).toArray(Daypart[]::new);
        assertOnly(menu().dayparts(dayparts).build(), "dayparts", Code.LIMIT_EXCEEDED);
    }

    @Test
    void aMenuSpeaksAtMostTwelveLanguagesWhateverTextsTheyAreOn() {
        List<String> twelve = List.of("fr", "de", "es", "it", "nl", "pt", "pl", "cs", "sv", "da", "fi");
        Item[] items = new Item[twelve.size() + 1];
        for (int i = 0; i < twelve.size(); i++) {
            items[i] = item("Item " + i).name(new LocalizedText("Item " + i, Map.of(twelve.get(i), "x " + i))).build();
        }
        items[twelve.size()] = item("Soup").name(new LocalizedText("Soup", Map.of("fr", "Soupe", "DE", "Suppe"))).build();
        assertThat(MenuValidator.validate(menu().items(items).build())).as("English and eleven more").isEmpty();

        Item thirteenth = item("Tea").name(new LocalizedText("Tea", Map.of("ja", "Ocha"))).build();
        Item[] more = Arrays.copyOf(items, items.length + 1);
        more[items.length] = thirteenth;
        assertOnly(menu().items(more).build(), "categories[0].items[12].name.translations[ja]", Code.LIMIT_EXCEEDED);
    }

    @Test
    void aMenuHasAtMostTwentyThousandOptionsInAll() {
        ModifierGroup[] groups = IntStream.range(0, 10).mapToObj(g -> group("Toppings " + g).options(
                IntStream.rangeClosed(1, MenuValidator.MAX_OPTIONS_PER_GROUP).mapToObj(i -> option("Topping " + i).build())
                        .toArray(ModifierOption[]::new)).build()).toArray(ModifierGroup[]::new);
        int items = MenuValidator.MAX_OPTIONS / (10 * MenuValidator.MAX_OPTIONS_PER_GROUP) + 1;
        Item[] pizzas = IntStream.rangeClosed(1, items).mapToObj(i -> item("Pizza " + i).groups(groups).build())
                .toArray(Item[]::new);

        assertOnly(menu().items(pizzas).build(), "categories", Code.LIMIT_EXCEEDED);
    }

    @Test
    void aMenuBreakingThousandsOfRulesHearsOfTheFirstHundred() {
        Item[] nameless = IntStream.rangeClosed(1, 1_000).mapToObj(i -> item(" ").build()).toArray(Item[]::new);

        assertThat(MenuValidator.validate(menu().items(nameless).build())).hasSize(MenuValidator.MAX_VIOLATIONS);
    }

    private static MenuSnapshot withGroup(Fixtures.GroupBuilder group) {
        return withGroup(group.build());
    }

    private static MenuSnapshot withGroup(ModifierGroup group) {
        return menu().items(item("Burger").groups(group).build()).build();
    }

    private static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> violations(MenuSnapshot snapshot) {
        return assertThat(MenuValidator.validate(snapshot)).extracting(Violation::path, Violation::code);
    }

    private static void assertOnly(MenuSnapshot snapshot, String path, Code code) {
        violations(snapshot).containsExactly(tuple(path, code));
    }
}
