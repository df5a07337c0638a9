package io.urop.menu.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import static io.urop.menu.model.Allergen.CEREALS_CONTAINING_GLUTEN;
import static io.urop.menu.model.Allergen.CRUSTACEANS;
import static io.urop.menu.model.Allergen.EGGS;
import static io.urop.menu.model.Allergen.FISH;
import static io.urop.menu.model.Allergen.MILK;
import static io.urop.menu.model.Allergen.MOLLUSCS;
import static io.urop.menu.model.Allergen.NUTS;
import static io.urop.menu.model.Allergen.PEANUTS;

/**
 * A diet or character an item claims, shown as a badge and used for filtering. A claim that rules
 * out an allergen ({@link #contradicts()}) may not sit on an item declaring that allergen:
 * {@link MenuValidator} refuses a "vegan" item containing milk.
 */
public enum DietaryTag {
    VEGAN(EnumSet.of(MILK, EGGS, FISH, CRUSTACEANS, MOLLUSCS)),
    VEGETARIAN(EnumSet.of(FISH, CRUSTACEANS, MOLLUSCS)),
    PESCATARIAN(EnumSet.noneOf(Allergen.class)),
    GLUTEN_FREE(EnumSet.of(CEREALS_CONTAINING_GLUTEN)),
    DAIRY_FREE(EnumSet.of(MILK)),
    EGG_FREE(EnumSet.of(EGGS)),
    NUT_FREE(EnumSet.of(NUTS, PEANUTS)),
    HALAL(EnumSet.noneOf(Allergen.class)),
    KOSHER(EnumSet.noneOf(Allergen.class)),
    ORGANIC(EnumSet.noneOf(Allergen.class)),
    SPICY(EnumSet.noneOf(Allergen.class)),
    VERY_SPICY(EnumSet.noneOf(Allergen.class)),
    CONTAINS_ALCOHOL(EnumSet.noneOf(Allergen.class));

    private final Set<Allergen> contradicts;

    DietaryTag(EnumSet<Allergen> contradicts) {
        this.contradicts = Collections.unmodifiableSet(contradicts);
    }

    /** The allergens an item carrying this tag cannot contain. */
    public Set<Allergen> contradicts() {
        return contradicts;
    }
}
