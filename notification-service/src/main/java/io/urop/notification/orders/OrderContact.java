package io.urop.notification.orders;

import java.util.UUID;

/**
 * Where to tell someone about an order: an email address, a phone number (E.164) or both, and the language to write
 * in.
 *
 * @param tableSessionId the diner's table session that gave it; null when staff gave it (a takeaway's customer)
 */
record OrderContact(UUID orderId, UUID tableSessionId, String email, String phone, String language) {
}
