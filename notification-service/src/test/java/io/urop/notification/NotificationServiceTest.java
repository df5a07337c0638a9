package io.urop.notification;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.urop.events.EventCodec;
import io.urop.infra.SmtpServer;
import io.urop.notification.email.LinkIssuers;
import io.urop.notification.socket.OrderScreens;
import io.urop.sms.capture.SmsCapture;
import io.urop.test.ServiceIntegrationTest;
import io.urop.test.TestInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * notification-service against real Kafka, Redis and SMTP and the SMS capture, with auth-service and tenant-service
 * played by {@link LinkIssuers} and order-service by {@link OrderScreens} where discovery says they are. Every test
 * shares this one context, so that one consumer of each group reads the topics.
 */
@ServiceIntegrationTest
public abstract class NotificationServiceTest {

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected EventCodec codec;

    protected static final SmsCapture SMS = SmsCapture.start();

    /** The envelope sender of every email, whose mailbox (on the test's SMTP server) the bounces come back to. */
    protected static final String BOUNCES = "bounces@urop.localhost";

    @DynamicPropertySource
    static void linkIssuersAndSms(DynamicPropertyRegistry registry) {
        String instances = "spring.cloud.discovery.client.simple.instances.";
        registry.add(instances + "auth-service[0].uri", LinkIssuers.INSTANCE::uri);
        registry.add(instances + "tenant-service[0].uri", LinkIssuers.INSTANCE::uri);
        registry.add(instances + "order-service[0].uri", () -> OrderScreens.INSTANCE.uri().toString());
        registry.add("urop.notification.sms.api-base", SMS::baseUrl);
        registry.add("urop.notification.sms.account-sid", SMS::accountSid);
        registry.add("urop.notification.sms.auth-token", SMS::authToken);
        registry.add("urop.notification.sms.from", () -> "+15005550006");
        SmtpServer smtp = TestInfrastructure.get().smtp();
        smtp.createMailbox(BOUNCES);
        registry.add("urop.notification.email.bounces.address", () -> BOUNCES);
        registry.add("urop.notification.email.bounces.host", smtp::host);
        registry.add("urop.notification.email.bounces.port", smtp::imapPort);
        registry.add("urop.notification.email.bounces.protocol", () -> "imap");
        registry.add("urop.notification.email.bounces.username", () -> BOUNCES);
        registry.add("urop.notification.email.bounces.password", () -> BOUNCES);
        registry.add("urop.notification.email.bounces.interval", () -> "1s");
    }

    /** The SMTP server every email reaches (GreenMail). */
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

    protected void publish(String topic, Object event, UUID tenant, UUID aggregate) {
        kafka.send(topic, aggregate.toString(), codec.encode(codec.envelope(event, tenant, aggregate.toString(), null)));
    }
}
