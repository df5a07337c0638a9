package io.urop.order.pacing;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A location's pacing as a manager sets it, whole: what it leaves out has no cap. To take no diners' orders, pause
 * online ordering rather than cap it at nothing.
 *
 * @param maxPrepMinutesPerStation by station, as the menu names it ({@code "grill": 50})
 */
public record PacingUpdate(
        @NotNull Boolean onlineOrderingPaused,
        @Min(1) @Max(10_000) Integer maxOrdersPerSlot,
        @Size(max = 50) Map<@NotBlank @Size(max = 50) String, @NotNull @Min(1) @Max(100_000) Integer>
                maxPrepMinutesPerStation) {

    PacingSettings settings() {
        return new PacingSettings(onlineOrderingPaused, maxOrdersPerSlot, maxPrepMinutesPerStation);
    }
}
