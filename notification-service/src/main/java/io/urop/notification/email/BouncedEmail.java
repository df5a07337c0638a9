package io.urop.notification.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

/**
 * A delivery-status notification (RFC 3464: {@code multipart/report; report-type=delivery-status}) that a mail server
 * sent back for one of the platform's emails: the recipients it failed for good ({@code Action: failed}, a
 * {@code 5.x.x} status), and the tenant and {@code Message-ID} of the email, from the headers it quotes. Anything
 * else (a delay notice, an auto-reply, a report of another's email) is not one.
 */
record BouncedEmail(UUID tenantId, String messageId, List<Failure> failures) {

    private static final Pattern OUR_MESSAGE_ID =
            Pattern.compile("<[0-9a-f-]{36}\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@[^>]+>");

    /** A {@code Message-ID} naming the tenant whose email it is. */
    static String messageId(UUID tenantId, String domain) {
        return "<" + UUID.randomUUID() + "." + tenantId + "@" + domain + ">";
    }

    static Optional<BouncedEmail> of(MimeMessage report) throws MessagingException, IOException {
        if (!report.isMimeType("multipart/report") || !(report.getContent() instanceof Multipart parts)) {
            return Optional.empty();
        }
        List<Failure> failures = new ArrayList<>();
        String messageId = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")) {
                failures.addAll(failuresIn(part));
            }
            else if (part.isMimeType("text/rfc822-headers")) {
                messageId = new InternetHeaders(part.getInputStream()).getHeader("Message-ID", null);
            }
            else if (part.isMimeType("message/rfc822") && part.getContent() instanceof MimeMessage original) {
                messageId = original.getMessageID();
            }
        }
        Matcher ours = messageId == null ? null : OUR_MESSAGE_ID.matcher(messageId.strip());
        if (ours == null || !ours.matches() || failures.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BouncedEmail(UUID.fromString(ours.group(1)), messageId.strip(), failures));
    }

    /** The per-recipient groups of fields that follow the per-message ones, each ended by a blank line. */
    private static List<Failure> failuresIn(Part status) throws MessagingException, IOException {
        List<Failure> failures = new ArrayList<>();
        try (InputStream fields = new ByteArrayInputStream(status.getInputStream().readAllBytes())) {
            new InternetHeaders(fields);
            while (fields.available() > 0) {
                InternetHeaders recipient = new InternetHeaders(fields);
                String action = recipient.getHeader("Action", null);
                String code = recipient.getHeader("Status", null);
                // the address as it was sent to, which an alias's Final-Recipient may not be
                String original = recipient.getHeader("Original-Recipient", null);
                String sentTo = original != null ? original : recipient.getHeader("Final-Recipient", null);
                if (action != null && action.strip().equalsIgnoreCase("failed") && code != null
                        && code.strip().startsWith("5") && sentTo != null) {
                    String diagnostic = recipient.getHeader("Diagnostic-Code", null);
                    failures.add(new Failure(address(sentTo), code.strip()
                            + (diagnostic == null ? "" : " " + diagnostic.replaceAll("\\s+", " ").strip())));
                }
            }
        }
        return failures;
    }

    /** {@code rfc822; someone@example.com} gives the address. */
    private static String address(String recipient) {
        int semicolon = recipient.indexOf(';');
        return (semicolon < 0 ? recipient : recipient.substring(semicolon + 1)).strip();
    }

    /** @param reason the status and the server's diagnostic, as the delivery log shows it */
    record Failure(String recipient, String reason) {
    }
}
