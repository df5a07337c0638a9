package io.urop.notification.template;

/** A message as written for its recipient: its subject (none for an SMS) and text. */
record Written(String subject, String text) {
}
