package io.urop.menu.model;

/**
 * Why a line selection cannot be priced, pointing into the {@link LineSelection}: {@code quantity},
 * {@code sizeId}, {@code choices[1].optionId}, {@code choices[0].choices[2].quantity}. A problem
 * of a whole group (too few or too many picks) points at the group's choices as
 * {@code choices[groupId=<uuid>]}, nested as {@code choices[0].choices[groupId=<uuid>]}; a problem of
 * the line as a whole (its price overflowing) has the empty path.
 */
public record SelectionProblem(String path, Code code, String message) {

    public enum Code {
        /** The item is not on this menu. */
        UNKNOWN_ITEM,
        /** The item is 86'd. */
        ITEM_UNAVAILABLE,
        /** Outside the dayparts of the item or of its category. */
        NOT_SERVED_NOW,
        /** The line quantity is below 1 or above {@link LinePricer#MAX_LINE_QUANTITY}. */
        QUANTITY_INVALID,
        SIZE_REQUIRED,
        UNKNOWN_SIZE,
        /** A size was sent for an item that has none. */
        SIZE_NOT_EXPECTED,
        /** The group is not one of the item's (or, nested, of the chosen option's). */
        UNKNOWN_GROUP,
        UNKNOWN_OPTION,
        /** The option is 86'd. */
        OPTION_UNAVAILABLE,
        /** The same option twice in one group; more of it is said with its quantity. */
        DUPLICATE_CHOICE,
        /** Below 1 or above the option's maxQuantity; a NO choice must have quantity 1. */
        OPTION_QUANTITY_INVALID,
        /** Fewer picks than the group's min (a required group left empty). */
        TOO_FEW,
        /** More picks than the group's max. */
        TOO_MANY,
        PRE_MODIFIER_NOT_ALLOWED,
        /** A choice in a nested group whose option was not chosen here (or was chosen with NO). */
        NESTED_CHOICE_WITHOUT_PARENT,
        /** The amounts do not fit in a long. */
        PRICE_OVERFLOW
    }
}
