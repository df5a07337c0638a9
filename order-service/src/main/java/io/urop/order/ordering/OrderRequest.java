package io.urop.order.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.urop.order.pricing.RequestedLine;

/**
 * A new order. A diner's token says where it sits (location, table, session): a diner sends only the lines, a note
 * and, where the location lets diners choose, whether to pay now. Staff say where: the location, the channel and,
 * at a table, which one (and its session, to put the order on that session's tab).
 *
 * @param payNow where the location lets the diner choose: true (the default) to pay as it is placed, false to put
 *               it on the table's tab
 * @param scheduledFor the start of a later 15-minute slot for the kitchen to make it in (the {@code nextSlotWithRoom}
 *                     a full slot offered, or staff ordering ahead); null to make it now
 */
public record OrderRequest(
        @NotEmpty @Size(max = 100) List<@NotNull @Valid RequestedLine> lines,
        @Size(max = 500) String note,
        UUID locationId,
        Channel channel,
        UUID tableId,
        UUID tableSessionId,
        Boolean payNow,
        Instant scheduledFor) {

    public OrderRequest {
        note = note == null || note.isBlank() ? null : note.strip();
    }
}
