package io.urop.order.cart;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.urop.menu.model.OptionChoice;
import io.urop.order.pricing.RequestedLine;

/**
 * A line a guest puts in the table's cart, as for an order line, with the name the guest goes by at the table
 * ("Anna"), shown to the others beside the line.
 */
public record CartLineRequest(
        @NotNull UUID itemId,
        UUID sizeId,
        @Min(1) @Max(99) int quantity,
        @Size(max = 50) List<@NotNull OptionChoice> choices,
        @Size(max = 200) String note,
        @Min(1) @Max(9) Integer course,
        @Size(max = 40) String guestName) {

    public CartLineRequest {
        guestName = guestName == null || guestName.isBlank() ? null : guestName.strip();
    }

    RequestedLine line() {
        return new RequestedLine(itemId, sizeId, quantity, choices, note, course);
    }
}
