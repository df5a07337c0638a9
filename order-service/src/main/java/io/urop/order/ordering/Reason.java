package io.urop.order.ordering;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why staff reject, cancel or void: recorded in the order's history and shown to whoever it concerns. */
public record Reason(@NotBlank @Size(max = 300) String reason) {

    public Reason {
        reason = reason == null ? null : reason.strip();
    }
}
