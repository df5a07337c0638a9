package io.urop.menu.model;

import java.util.List;
import java.util.UUID;

/**
 * A line priced from the menu, never from the client: {@code basePrice} is the item's or the chosen
 * size's price, {@code unitPrice} adds every charged choice (nested ones included), and
 * {@code total = unitPrice × quantity}. All amounts are minor units of the menu's currency. The
 * choices come in menu order (group, then option), whatever order they were sent in.
 */
public record PricedLine(
        UUID itemId,
        UUID sizeId,
        int quantity,
        long basePrice,
        long unitPrice,
        long total,
        List<PricedChoice> choices) implements PricingResult {

    public PricedLine {
        choices = Copies.list(choices);
    }
}
