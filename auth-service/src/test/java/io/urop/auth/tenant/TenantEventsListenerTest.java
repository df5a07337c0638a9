package io.urop.auth.tenant;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.urop.events.EventCodec;
import io.urop.events.EventEnvelope;
import io.urop.events.tenant.TenantCreated;
import io.urop.test.Databases;
import io.urop.test.ServiceIntegrationTest;
import io.urop.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
@TestPropertySource(properties = {"urop.messaging.retry-initial-interval=50ms", "urop.messaging.retries=2"})
class TenantEventsListenerTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    final JdbcTemplate superuser = Databases.asSuperuser("auth");

    @Test
    void aNewTenantIsRecordedOnceHoweverOftenItIsDelivered() {
        UUID tenant = UUID.randomUUID();
        String message = codec.encode(created(tenant, "la-table"));

        send(tenant, message);
        send(tenant, message);
        UUID later = UUID.randomUUID();
        send(tenant, codec.encode(created(later, "la-suite"))); // same key: handled after both copies

        awaitKnown(later);
        assertThat(superuser.queryForObject("select count(*) from known_tenants where tenant_id = ?", Long.class, tenant))
                .isOne();
        assertThat(superuser.queryForObject("select slug from known_tenants where tenant_id = ?", String.class, tenant))
                .isEqualTo("la-table");
        // applied twice, the second copy would have failed on the primary key and been parked
        assertThat(TopicReader.await(bootstrap, "tenant.events.DLT", r -> tenant.toString().equals(r.key()), 0,
                Duration.ofSeconds(10))).isEmpty();
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLetterTopicAndTheRestFlows() {
        String key = UUID.randomUUID().toString();
        send(key, "{ this is not an event");
        UUID next = UUID.randomUUID();
        send(key, codec.encode(created(next, "after-garbage")));

        awaitKnown(next);
        List<ConsumerRecord<String, String>> dead = TopicReader.await(bootstrap, "tenant.events.DLT",
                r -> key.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(dead).singleElement().extracting(ConsumerRecord::value).isEqualTo("{ this is not an event");
    }

    @Test
    void anEventThatKeepsFailingIsRetriedThenParkedNotLost() {
        UUID tenant = UUID.randomUUID();
        EventEnvelope broken = codec.envelope(new TenantCreated(tenant, null, "No slug", "EUR", "UTC"), tenant,
                tenant.toString(), null);
        send(tenant, codec.encode(broken));

        List<ConsumerRecord<String, String>> dead = TopicReader.await(bootstrap, "tenant.events.DLT",
                r -> tenant.toString().equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("kafka_dlt-exception-cause-fqcn").value()))
                .contains("DataIntegrityViolation");
        assertThat(superuser.queryForObject("select count(*) from known_tenants where tenant_id = ?", Long.class, tenant))
                .isZero();
        assertThat(superuser.queryForObject("select count(*) from inbox where event_id = ?", Long.class, broken.eventId()))
                .isZero();
    }

    private EventEnvelope created(UUID tenant, String slug) {
        return codec.envelope(new TenantCreated(tenant, slug, "Restaurant " + slug, "EUR", "Europe/Paris"), tenant,
                tenant.toString(), null);
    }

    private void send(Object key, String message) {
        kafka.send("tenant.events", key.toString(), message).join();
    }

    private void awaitKnown(UUID tenant) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(superuser.queryForObject(
                "select count(*) from known_tenants where tenant_id = ?", Long.class, tenant)).isOne());
    }
}
