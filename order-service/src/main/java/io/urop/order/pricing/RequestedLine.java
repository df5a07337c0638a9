package io.urop.order.pricing;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.urop.menu.model.LineSelection;
import io.urop.menu.model.OptionChoice;

/**
 * One line as a diner or staff asks for it: the item, its size, how many, every option chosen, a note for the kitchen
 * ("no salt, allergy") and its course. No price: order-service prices it from the menu.
 *
 * @param course 1 (the default) for the first course
 */
public record RequestedLine(
        @NotNull UUID itemId,
        UUID sizeId,
        @Min(1) @Max(99) int quantity,
        @Size(max = 50) List<@NotNull OptionChoice> choices,
        @Size(max = 200) String note,
        @Min(1) @Max(9) Integer course) {

    public RequestedLine {
        choices = choices == null ? List.of() : List.copyOf(choices);
        note = note == null || note.isBlank() ? null : note.strip();
        course = course == null ? 1 : course;
    }

    LineSelection selection() {
        return new LineSelection(itemId, sizeId, quantity, choices);
    }
}
