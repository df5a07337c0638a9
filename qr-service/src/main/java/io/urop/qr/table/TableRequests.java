package io.urop.qr.table;

import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the area and table endpoints. */
final class TableRequests {

    /** The most tables one bulk creation sets up. */
    static final int MAX_BULK = 200;

    private TableRequests() {
    }

    record NewArea(@NotNull UUID locationId, @NotBlank @Size(max = 100) String name) {
    }

    record AreaDetails(@NotBlank @Size(max = 100) String name) {
    }

    record NewTable(@NotNull UUID locationId, UUID areaId, @NotBlank @Size(max = 100) String name,
            @NotNull @Min(1) @Max(100) Integer seats) {
    }

    /** The details of a table; {@code areaId} {@code null} takes it out of its area. */
    record TableDetails(UUID areaId, @NotBlank @Size(max = 100) String name, @NotNull @Min(1) @Max(100) Integer seats) {
    }

    /**
     * Tables {@code from} to {@code to}, each named by the pattern with {@code {n}} replaced by its number:
     * "Table {n}" from 1 to 40 gives "Table 1" ... "Table 40".
     */
    record Bulk(@NotNull UUID locationId, UUID areaId,
            @NotBlank @Size(max = 90) @Pattern(regexp = ".*\\{n}.*", message = "must contain {n}") String namePattern,
            @NotNull @Min(0) @Max(9999) Integer from, @NotNull @Min(0) @Max(9999) Integer to,
            @NotNull @Min(1) @Max(100) Integer seats) {

        @AssertTrue(message = "must be at least from, and at most " + MAX_BULK + " tables after it")
        boolean isTo() {
            return from == null || to == null || (to >= from && to - from < MAX_BULK);
        }

        String nameOf(int number) {
            return namePattern.replace("{n}", Integer.toString(number));
        }
    }
}
