package io.urop.order.ordering;

import jakarta.validation.constraints.Size;

/** Why an order is cancelled: staff must say, a diner withdrawing its own order may. */
public record CancelRequest(@Size(max = 300) String reason) {

    public CancelRequest {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
