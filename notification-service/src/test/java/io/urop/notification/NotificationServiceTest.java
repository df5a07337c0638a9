package io.urop.notification;

import java.util.UUID;

import io.urop.events.EventCodec;
import io.urop.notification.email.LinkIssuers;
import io.urop.test.ServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * notification-service against real Kafka, Redis and SMTP, with auth-service and tenant-service played by
 * {@link LinkIssuers} where discovery says they are. Every test shares this one context, so that one consumer of the
 * group reads the topics.
 */
@ServiceIntegrationTest
public abstract class NotificationServiceTest {

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
}
