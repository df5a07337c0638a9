package io.urop.menu.model;

/**
 * A broken authoring rule, pointing at the field to fix with a property path a UI can follow:
 * {@code categories[2].items[0].modifierGroups[1].max}; map entries by key,
 * {@code ...options[0].sizePriceDeltas[<size id>]}, {@code ...name.translations[de]}. menu-service
 * turns a list of these into the field errors of a 400 problem response.
 */
public record Violation(String path, Code code, String message) {

    public enum Code {
        /** Missing, blank or empty. */
        REQUIRED,
        /** Longer than its limit ({@link MenuValidator#MAX_NAME_LENGTH} and friends). */
        TOO_LONG,
        /** Not an ISO 4217 currency code. */
        INVALID_CURRENCY,
        /** Not a well-formed BCP 47 tag with an ISO 639 (2 or 3 letter) language. */
        INVALID_LANGUAGE_TAG,
        /** An id used before where it must be unique. */
        DUPLICATE_ID,
        /** An amount below 0 or above {@link MenuValidator#MAX_AMOUNT}. */
        PRICE_OUT_OF_RANGE,
        /** An item with sizes has a price of its own (it must be 0: the size sets the price). */
        PRICE_WITH_SIZES,
        /** An item with sizes has only one. */
        TOO_FEW_SIZES,
        /** A size price override names a size the item does not have. */
        UNKNOWN_SIZE,
        /** A count or bound outside its range: min, max, maxFree, maxQuantity, calories, prepMinutes. */
        OUT_OF_RANGE,
        MIN_ABOVE_MAX,
        /** A REQUIRED group with min 0, or an optional group with min above 0. */
        MODE_MISMATCH,
        /** The options together cannot reach the group's min. */
        MIN_UNREACHABLE,
        /** More options preselected than the group's max allows. */
        TOO_MANY_DEFAULTS,
        /** A group nested under an option of a nested group. */
        NESTING_TOO_DEEP,
        /** A NO pre-modifier with a price: removing something is free. */
        PRICED_REMOVAL,
        /** Pre-modifiers on an option of an item that does not allow them. */
        PRE_MODIFIERS_NOT_ALLOWED,
        /** A daypart id the menu does not define. */
        UNKNOWN_DAYPART,
        /** A daypart starting when it ends. */
        EMPTY_TIME_WINDOW,
        /** A dietary tag claiming the absence of an allergen the item declares. */
        CONTRADICTS_ALLERGEN,
        /** More entries than {@link MenuValidator} allows (categories, items, groups, options...). */
        LIMIT_EXCEEDED
    }
}
