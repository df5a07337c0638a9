package io.urop.order.countdown;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How many portions of an item of the location's menu are left to order: a new count, whatever was counted before.
 * Zero marks it sold out at once.
 */
public record CountdownRequest(@NotNull UUID itemId, @NotNull @Min(0) @Max(100_000) Integer remaining) {
}
