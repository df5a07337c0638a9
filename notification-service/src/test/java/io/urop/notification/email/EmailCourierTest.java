package io.urop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.urop.infra.FreePorts;
import io.urop.notification.delivery.Channel;
import io.urop.notification.delivery.Message;
import io.urop.notification.delivery.RecipientRefusedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * What an SMTP relay's answers mean to the courier, against a real SMTP server that, as a provider's relay does,
 * refuses unknown mailboxes for good (550) and busy ones for now (451).
 */
class EmailCourierTest {

    private static final EmailProperties PROPERTIES = new EmailProperties("urop <no-reply@urop.localhost>",
            URI.create("http://localhost:8080/admin/"),
            new EmailProperties.Bounces("", "", 993, "imaps", "", "", Duration.ofMinutes(1)));

    private static final UUID TENANT = UUID.randomUUID();

    private static final List<String> received = new CopyOnWriteArrayList<>();

    private static final SMTPServer relay = SMTPServer.port(FreePorts.next()).bindAddress(InetAddress.getLoopbackAddress())
            .messageHandlerFactory(context -> new StrictMailboxes()).build();

    static {
        relay.start();
    }

    private final EmailCourier courier = new EmailCourier(sender(relay.getPort()), PROPERTIES);

    @AfterAll
    static void stop() {
        relay.stop();
    }

    @Test
    void anAcceptedEmailIsSentWithItsMessageId() {
        String id = courier.send(email("marcel@bistro.example"));

        assertThat(id).matches("<[0-9a-f-]{36}\\.[0-9a-f-]{36}@urop\\.localhost>").contains(TENANT.toString());
        assertThat(received).anySatisfy(data -> assertThat(data).contains("Message-ID: " + id,
                "Subject: Your order is ready"));
    }

    @Test
    void aMailboxTheRelayRefusesForGoodIsARefusedRecipient() {
        assertThatThrownBy(() -> courier.send(email("nobody@nowhere.example")))
                .isInstanceOf(RecipientRefusedException.class).hasMessageContaining("550");
    }

    @Test
    void aRelayThatWillNotRelayRefusesNoMailboxInParticular() {
        assertThatThrownBy(() -> courier.send(email("marcel@elsewhere.example")))
                .isInstanceOf(MailSendException.class).isNotInstanceOf(RecipientRefusedException.class);
    }

    @Test
    void aMailboxBusyForNowOrARelayThatCannotBeReachedIsAFailureWorthRetrying() {
        assertThatThrownBy(() -> courier.send(email("chef@busy.example")))
                .isInstanceOf(MailSendException.class).isNotInstanceOf(RecipientRefusedException.class);
        EmailCourier unreachable = new EmailCourier(sender(FreePorts.next()), PROPERTIES);
        assertThatThrownBy(() -> unreachable.send(email("marcel@bistro.example")))
                .isNotInstanceOf(RecipientRefusedException.class);
    }

    private static Message email(String to) {
        return new Message(TENANT, "order-ready", Channel.EMAIL, to, "Your order is ready", "Enjoy!");
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(FreePorts.LOOPBACK);
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }

    private static final class StrictMailboxes implements MessageHandler {

        @Override
        public void from(String from) {
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            if (recipient.endsWith("@nowhere.example")) {
                throw new RejectException(550, "5.1.1 <" + recipient + ">: Recipient address rejected: no such mailbox");
            }
            if (recipient.endsWith("@elsewhere.example")) {
                throw new RejectException(554, "5.7.1 <" + recipient + ">: Relay access denied");
            }
            if (recipient.endsWith("@busy.example")) {
                throw new RejectException(451, "4.2.1 <" + recipient + ">: mailbox busy, try again later");
            }
        }

        @Override
        public String data(InputStream data) throws IOException {
            received.add(new String(data.readAllBytes(), StandardCharsets.UTF_8));
            return null;
        }

        @Override
        public void done() {
        }
    }
}
