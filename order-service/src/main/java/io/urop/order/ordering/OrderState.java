package io.urop.order.ordering;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its life. A diner's order paid as it is placed enters {@code PENDING_PAYMENT}; any other
 * enters {@code PLACED}. The kitchen accepts or rejects a placed order, prepares it, and it is {@code READY} once every
 * ticket is bumped (a recalled ticket takes it back to {@code PREPARING}); staff serve it, and it is
 * {@code COMPLETED} once served and paid. {@code CANCELLED} and {@code REJECTED} end it early.
 */
public enum OrderState {
    PENDING_PAYMENT,
    PLACED,
    ACCEPTED,
    PREPARING,
    READY,
    SERVED,
    COMPLETED,
    CANCELLED,
    REJECTED;

    /** The states this one may move to. */
    Set<OrderState> next() {
        return switch (this) {
            case PENDING_PAYMENT -> EnumSet.of(PLACED, CANCELLED);
            case PLACED -> EnumSet.of(ACCEPTED, REJECTED, CANCELLED);
            case ACCEPTED -> EnumSet.of(PREPARING, READY, CANCELLED);
            case PREPARING -> EnumSet.of(READY, CANCELLED);
            case READY -> EnumSet.of(PREPARING, SERVED, CANCELLED);
            case SERVED -> EnumSet.of(COMPLETED);
            case COMPLETED, CANCELLED, REJECTED -> EnumSet.noneOf(OrderState.class);
        };
    }

    boolean mayBecome(OrderState next) {
        return next().contains(next);
    }

    /** Whether the kitchen has not taken it on yet: a diner may still withdraw it. */
    boolean beforeKitchen() {
        return this == PENDING_PAYMENT || this == PLACED;
    }

    /** Whether it is over: nothing more changes it. */
    public boolean finished() {
        return next().isEmpty();
    }
}
