package io.urop.notification.email;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.urop.events.EventCodec;
import io.urop.infra.SmtpServer;
import io.urop.test.ServiceIntegrationTest;
import io.urop.test.TestInfrastructure;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * notification-service with a real SMTP server, and auth-service and tenant-service played by {@link LinkIssuers}
 * where discovery says they are. Every email test shares this one context, so that one consumer of the group reads
 * the topics.
 */
@ServiceIntegrationTest
abstract class EmailTest {

    protected final SmtpServer smtp = TestInfrastructure.get().smtp();

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected EventCodec codec;

    @DynamicPropertySource
    static void linkIssuers(DynamicPropertyRegistry registry) {
        String instances = "spring.cloud.discovery.client.simple.instances.";
        registry.add(instances + "auth-service[0].uri", LinkIssuers.INSTANCE::uri);
        registry.add(instances + "tenant-service[0].uri", LinkIssuers.INSTANCE::uri);
    }

    protected void publish(String topic, Object event, UUID tenant, UUID aggregate) {
        kafka.send(topic, aggregate.toString(), codec.encode(codec.envelope(event, tenant, aggregate.toString(), null)));
    }

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
