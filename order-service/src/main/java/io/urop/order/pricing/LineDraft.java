package io.urop.order.pricing;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A line priced from the menu and ready to join an order: names, station and allergens as the menu has them now, so
 * that the order shows them unchanged whatever the menu becomes.
 *
 * @param prepMinutes what one portion takes the kitchen, as the menu estimates it; null when it says nothing
 * @param course      1 for the first course; later courses are held until staff fire them
 */
public record LineDraft(UUID itemId, UUID sizeId, String name, String sizeName, String station, Integer prepMinutes,
        int quantity, long unitPrice, long total, List<LineChoice> choices, Set<String> allergens, String note,
        int course) {

    public LineDraft {
        choices = List.copyOf(choices);
        allergens = Set.copyOf(allergens);
    }
}
