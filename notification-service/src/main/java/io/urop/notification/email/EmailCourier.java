package io.urop.notification.email;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.urop.notification.delivery.Channel;
import io.urop.notification.delivery.Courier;
import io.urop.notification.delivery.Message;
import io.urop.notification.delivery.RecipientRefusedException;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands plain-text emails to the SMTP server, each with a {@code Message-ID} that names its tenant, so that a bounce
 * that quotes it finds the tenant's delivery ({@link BouncedEmail}). The server refusing the recipient for good (a 5xx answer to
 * {@code RCPT TO}: no such mailbox) is a {@link RecipientRefusedException}; any other failure (unreachable, a 4xx
 * "try later") is thrown as it is, to be retried.
 */
@Component
@EnableConfigurationProperties(EmailProperties.class)
class EmailCourier implements Courier {

    /** An SMTP answer: its code and, when the server gives one, its enhanced status ({@code 550 5.1.1 ...}). */
    private static final Pattern SMTP_ANSWER = Pattern.compile("\\b(5\\d\\d)(?:[ -](\\d\\.\\d{1,3}\\.\\d{1,3}))?");

    private final JavaMailSender sender;
    private final EmailProperties properties;

    EmailCourier(JavaMailSender sender, EmailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String send(Message message) {
        MimeMessage email = sender.createMimeMessage();
        MimeMessageHelper helper;
        try {
            helper = new MimeMessageHelper(email, "UTF-8");
            helper.setFrom(properties.from());
            // a subject is one line, whatever a template made of it
            helper.setSubject(message.subject().replaceAll("\\s+", " ").strip());
            helper.setText(message.text());
            email.setHeader("Message-ID", BouncedEmail.messageId(message.tenantId(), senderDomain()));
        }
        catch (MessagingException e) {
            throw new MailPreparationException("Cannot write an email to " + message.to(), e);
        }
        try {
            helper.setTo(message.to());
        }
        catch (AddressException e) {
            throw new RecipientRefusedException("not an email address", e);
        }
        catch (MessagingException e) {
            throw new MailPreparationException("Cannot address an email to " + message.to(), e);
        }
        try {
            sender.send(email);
            return email.getMessageID();
        }
        catch (MailSendException e) {
            if (refusedForGood(e, message.to())) {
                throw new RecipientRefusedException("the mail server refused the address: " + e.getMessage(), e);
            }
            throw e;
        }
        catch (MessagingException e) {
            throw new MailSendException("No Message-ID after sending", e);
        }
    }

    private String senderDomain() {
        String from = properties.from();
        int at = from.lastIndexOf('@');
        return at < 0 ? "urop.localhost" : from.substring(at + 1).replace(">", "").strip();
    }

    /**
     * The server refused the mailbox itself at {@code RCPT TO}: JavaMail lists the address as invalid (a 4xx answer
     * leaves it valid, to retry), and the answer is about the address, not a policy of the relay's: an enhanced status
     * {@code 5.1.x} (no such mailbox, bad domain, bad syntax), or for a server without enhanced codes, 550 or 553. A
     * relay that will not relay ({@code 554 5.7.1}) refuses every address alike and is no reason to drop any.
     */
    private static boolean refusedForGood(MailSendException e, String recipient) {
        return e.getFailedMessages().values().stream()
                .filter(SendFailedException.class::isInstance)
                .map(SendFailedException.class::cast)
                .anyMatch(failed -> failed.getInvalidAddresses() != null
                        && Arrays.stream(failed.getInvalidAddresses()).map(Address::toString)
                                .anyMatch(recipient::equalsIgnoreCase)
                        && aboutTheMailbox(failed));
    }

    private static boolean aboutTheMailbox(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = nextOf(cause)) {
            Matcher answer = SMTP_ANSWER.matcher(String.valueOf(cause.getMessage()));
            if (answer.find()) {
                String enhanced = answer.group(2);
                return enhanced != null ? enhanced.startsWith("5.1.")
                        : answer.group(1).equals("550") || answer.group(1).equals("553");
            }
        }
        return false;
    }

    private static Throwable nextOf(Throwable failure) {
        if (failure instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return failure.getCause() == failure ? null : failure.getCause();
    }
}
