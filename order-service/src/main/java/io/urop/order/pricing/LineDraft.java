package io.urop.order.pricing;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A line priced from the menu and ready to join an order: names, station and allergens as the menu has them now, so
 * that the order shows them unchanged whatever the menu becomes.
 *
 * @param course 1 for the first course; a location may hold later courses until staff fire them
 */
public record LineDraft(UUID itemId, UUID sizeId, String name, String sizeName, String station, int quantity,
        long unitPrice, long total, List<LineChoice> choices, Set<String> allergens, String note, int course) {

    public LineDraft {
        choices = List.copyOf(choices);
        allergens = Set.copyOf(allergens);
    }
}
