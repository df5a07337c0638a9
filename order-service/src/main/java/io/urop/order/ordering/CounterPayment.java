package io.urop.order.ordering;

import jakarta.validation.constraints.NotNull;

/** How a diner paid staff at the counter. */
public record CounterPayment(@NotNull Method method) {

    public enum Method {
        CASH,
        CARD
    }
}
