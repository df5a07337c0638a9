package io.urop.notification.email;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.urop.infra.SmtpServer;
import io.urop.notification.NotificationServiceTest;
import io.urop.test.TestInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** The emails' tests: what reaches a real SMTP server. */
abstract class EmailTest extends NotificationServiceTest {

    protected final SmtpServer smtp = TestInfrastructure.get().smtp();

    protected MimeMessage awaitOneTo(String email) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !messagesTo(email).isEmpty());
        return messagesTo(email).get(0);
    }

    protected List<MimeMessage> messagesTo(String email) {
        return smtp.receivedMessages().stream().filter(message -> to(message).equals(email)).toList();
    }

    private static String to(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
