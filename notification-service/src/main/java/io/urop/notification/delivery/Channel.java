package io.urop.notification.delivery;

/** How a message reaches a person. */
public enum Channel {
    EMAIL,
    SMS
}
