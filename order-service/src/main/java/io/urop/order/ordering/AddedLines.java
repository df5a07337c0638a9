package io.urop.order.ordering;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.urop.order.pricing.RequestedLine;

/** Lines staff add to an order the kitchen has already. */
public record AddedLines(@NotEmpty @Size(max = 100) List<@NotNull @Valid RequestedLine> lines) {
}
