package io.urop.notification.delivery;

import java.util.UUID;

/**
 * One message, written, to one recipient on one channel, for one tenant.
 *
 * @param kind    what it is about ({@code order-ready}, {@code receipt}, ...), as the delivery log shows it
 * @param to      an email address, or a phone number in E.164
 * @param subject an email's subject; null for an SMS
 */
public record Message(UUID tenantId, String kind, Channel channel, String to, String subject, String text) {
}
