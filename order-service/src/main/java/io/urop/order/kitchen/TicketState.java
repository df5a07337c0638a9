package io.urop.order.kitchen;

/**
 * Where a kitchen ticket is: {@code HELD} until it may be made (a later course, a table session awaiting approval),
 * {@code OPEN} on its station's screen, {@code BUMPED} when done (recalled back to {@code OPEN} within the recall
 * window), {@code VOIDED} when its order was cancelled or rejected.
 */
public enum TicketState {
    HELD,
    OPEN,
    BUMPED,
    VOIDED
}
