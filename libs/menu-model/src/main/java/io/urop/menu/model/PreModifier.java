package io.urop.menu.model;

/**
 * How a diner wants an option done: without it, a little, more of it, or served on the side.
 * Offered only on items with {@link Item#preModifiersAllowed()} and only the ones an option lists.
 * {@code NO} removes the option ("no onions"): it costs nothing and is not a pick.
 */
public enum PreModifier {
    NO,
    LIGHT,
    EXTRA,
    ON_THE_SIDE
}
