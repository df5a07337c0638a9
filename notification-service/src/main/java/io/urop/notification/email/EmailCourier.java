package io.urop.notification.email;

import java.util.Arrays;

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
        try {
            MimeMessageHelper helper = new MimeMessageHelper(email, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(message.to());
            // a subject is one line, whatever a template made of it
            helper.setSubject(message.subject().replaceAll("\\s+", " ").strip());
            helper.setText(message.text());
            email.setHeader("Message-ID", BouncedEmail.messageId(message.tenantId(), senderDomain()));
        }
        catch (AddressException e) {
            throw new RecipientRefusedException("not an email address", e);
        }
        catch (MessagingException e) {
            throw new MailPreparationException("Cannot write an email to " + message.to(), e);
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

    /** The server answered {@code RCPT TO} with 5xx: JavaMail lists the address as invalid (a 4xx leaves it valid). */
    private static boolean refusedForGood(MailSendException e, String recipient) {
        return e.getFailedMessages().values().stream()
                .map(failure -> failure instanceof SendFailedException refused ? refused.getInvalidAddresses() : null)
                .filter(invalid -> invalid != null)
                .flatMap(Arrays::stream)
                .map(Address::toString)
                .anyMatch(recipient::equalsIgnoreCase);
    }
}
