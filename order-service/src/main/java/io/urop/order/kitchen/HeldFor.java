package io.urop.order.kitchen;

/** Why a ticket is held back from its station. */
public enum HeldFor {
    /** A later course: staff fire it when the guests are ready for it. */
    COURSE,
    /** The location approves each table session's orders before they reach the kitchen; staff have not yet. */
    APPROVAL,
    /** Ordered for a later 15-minute slot (the kitchen's pacing): fired when that slot starts. */
    SCHEDULE
}
