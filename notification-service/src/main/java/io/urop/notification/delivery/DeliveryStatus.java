package io.urop.notification.delivery;

/** Where a message is: see {@link Deliveries}. */
public enum DeliveryStatus {
    SENT,
    /** The last attempt failed; its event is retried with back-off, then parked on its topic's {@code .DLT}. */
    FAILED,
    /** The server refused the recipient for good. */
    REFUSED,
    /** Sent, then bounced: the recipient's server reported that it failed for good. */
    BOUNCED,
    /** Not sent: the recipient was refused before. */
    SUPPRESSED
}
