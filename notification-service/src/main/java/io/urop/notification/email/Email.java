package io.urop.notification.email;

/** One plain-text email to one address. */
record Email(String to, String subject, String text) {
}
