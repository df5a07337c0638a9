package io.urop.order.kitchen;

/** Why a ticket is held back from its station. */
public enum HeldFor {
    /** A later course: staff fire it when the guests are ready for it. */
    COURSE,
    /** The location approves each table session's orders before they reach the kitchen; staff have not yet. */
    APPROVAL
}
