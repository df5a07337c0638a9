package io.urop.sms.capture;

import java.time.Instant;

/**
 * A message the capture accepted, as Twilio's Message resource describes it.
 *
 * @param sid  {@code SM} and 32 hex digits
 * @param from the sender's number, or null when sent through a messaging service
 */
public record CapturedSms(String sid, String accountSid, String from, String messagingServiceSid, String to,
        String body, Instant createdAt) {
}
