package io.urop.menu.model;

/**
 * The outcome of pricing one order line: a {@link PricedLine} or an {@link InvalidSelection} listing
 * every problem found. Switch over it; there is no third case.
 */
public sealed interface PricingResult permits PricedLine, InvalidSelection {
}
