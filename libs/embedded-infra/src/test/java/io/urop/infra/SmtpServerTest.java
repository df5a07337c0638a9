package io.urop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpServerTest {

    @Test
    void receivesAMailSentWithJakartaMail() throws Exception {
        try (SmtpServer smtp = SmtpServer.start()) {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", smtp.host());
            properties.put("mail.smtp.port", String.valueOf(smtp.port()));
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(new InternetAddress("orders@urop.test"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("guest@example.test"));
            message.setSubject("Your order is ready");
            message.setText("Table 7: please pick up your order.");

            Transport.send(message);

            assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5))).isTrue();
            assertThat(smtp.receivedMessages()).singleElement().satisfies(received -> {
                assertThat(received.getSubject()).isEqualTo("Your order is ready");
                assertThat(received.getAllRecipients()).extracting(Object::toString)
                        .containsExactly("guest@example.test");
            });
            smtp.clear();
            assertThat(smtp.receivedMessages()).isEmpty();
        }
    }
}
