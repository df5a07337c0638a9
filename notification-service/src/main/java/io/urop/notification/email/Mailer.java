package io.urop.notification.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands emails to the SMTP server. A failure (server unreachable, refused) is thrown, so that the event that asked
 * for the email is retried with back-off and parked on its dead-letter topic when it keeps failing.
 */
@Component
@EnableConfigurationProperties(EmailProperties.class)
class Mailer {

    private final JavaMailSender sender;
    private final EmailProperties properties;

    Mailer(JavaMailSender sender, EmailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    void send(Email email) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(email.to());
            helper.setSubject(email.subject());
            helper.setText(email.text());
        }
        catch (MessagingException e) {
            throw new MailPreparationException("Cannot address an email to " + email.to(), e);
        }
        sender.send(message);
    }
}
