package io.urop.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.urop.events.EventCodec;
import io.urop.events.EventEnvelope;
import io.urop.events.tenant.TenantCreated;
import io.urop.infra.FreePorts;
import io.urop.messaging.outbox.Outbox;
import io.urop.messaging.outbox.OutboxRelay;
import io.urop.test.InfrastructureInitializer;
import io.urop.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class OutboxTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventCodec codec;

    @Autowired
    MessagingProperties properties;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void anEventOfACommittedTransactionIsPublishedOnceAndMarked() {
        UUID tenant = UUID.randomUUID();
        EventEnvelope added = transaction.execute(status -> outbox.add(created(tenant), tenant, tenant.toString()));

        assertThat(relay.relayPending()).isGreaterThanOrEqualTo(1);
        assertThat(relay.relayPending()).isZero();

        List<ConsumerRecord<String, String>> published = onTopic(tenant.toString(), 1);
        assertThat(published).hasSize(1);
        assertThat(codec.decode(published.get(0).value())).isEqualTo(added);
        assertThat(jdbc.queryForObject("select published_at is not null from outbox where event_id = ?", Boolean.class,
                added.eventId())).isTrue();
    }

    @Test
    void anEventCarriesTheTraceItWasWrittenInAsAW3CHeaderForItsConsumersToContinue() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Outbox traced = new Outbox(jdbc, codec, relay, () -> traceparent);
        UUID tenant = UUID.randomUUID();
        UUID untracedTenant = UUID.randomUUID();
        transaction.executeWithoutResult(status -> traced.add(created(tenant), tenant, tenant.toString()));
        transaction.executeWithoutResult(status -> outbox.add(created(untracedTenant), untracedTenant, tenant.toString()));

        relay.relayPending();

        List<ConsumerRecord<String, String>> published = onTopic(tenant.toString(), 2);
        Header header = published.get(0).headers().lastHeader("traceparent");
        assertThat(header).isNotNull();
        assertThat(new String(header.value(), StandardCharsets.US_ASCII)).isEqualTo(traceparent);
        assertThat(published.get(1).headers().lastHeader("traceparent")).as("written outside any trace").isNull();
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        UUID tenant = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            outbox.add(created(tenant), tenant, tenant.toString());
            status.setRollbackOnly();
        });
        UUID marker = UUID.randomUUID();
        transaction.executeWithoutResult(status -> outbox.add(created(marker), marker, tenant.toString()));

        relay.relayPending();

        List<ConsumerRecord<String, String>> published = onTopic(tenant.toString(), 1);
        assertThat(published).extracting(r -> codec.decode(r.value()).tenantId()).containsExactly(marker);
    }

    @Test
    void anEventCannotBeAddedOutsideATransaction() {
        UUID tenant = UUID.randomUUID();
        assertThatThrownBy(() -> outbox.add(created(tenant), tenant, tenant.toString()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void oneAggregatesEventsArriveInCommitOrder() {
        String aggregate = UUID.randomUUID().toString();
        List<UUID> committed = IntStream.range(0, 30).mapToObj(i -> UUID.randomUUID()).toList();
        committed.forEach(tenant -> transaction.executeWithoutResult(
                status -> outbox.add(created(tenant), tenant, aggregate)));

        relay.relayPending();

        assertThat(onTopic(aggregate, committed.size()))
                .extracting(r -> codec.decode(r.value()).tenantId())
                .containsExactlyElementsOf(committed);
    }

    @Test
    void whenTheBrokerIsUnreachableTheEventWaitsAndIsSentLater() {
        UUID tenant = UUID.randomUUID();
        EventEnvelope added = transaction.execute(status -> outbox.add(created(tenant), tenant, tenant.toString()));
        OutboxRelay cutOff = new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), unreachableBroker(),
                properties, new SimpleMeterRegistry());

        assertThat(cutOff.relayPending()).isZero();

        Map<String, Object> row = jdbc.queryForMap(
                "select published_at, attempts, last_error, next_attempt_at > now() as backing_off from outbox where event_id = ?",
                added.eventId());
        assertThat(row.get("published_at")).isNull();
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_error")).isNotBlank();
        assertThat(row.get("backing_off")).isEqualTo(true);

        jdbc.update("update outbox set next_attempt_at = now() where event_id = ?", added.eventId());
        relay.relayPending();
        assertThat(onTopic(tenant.toString(), 1)).hasSize(1);
    }

    @Test
    void anEventKafkaCanNeverTakeIsParkedWithItsErrorAndTheEventsAfterItGoOn() {
        String aggregate = UUID.randomUUID().toString();
        UUID tooLarge = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        EventEnvelope parked = transaction.execute(status -> outbox.add(new TenantCreated(tooLarge, "huge",
                "x".repeat(2 * 1024 * 1024), "EUR", "UTC"), tooLarge, aggregate));
        transaction.executeWithoutResult(status -> outbox.add(created(after), after, aggregate));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), kafka, properties, meters).relayPending();

        assertThat(onTopic(aggregate, 1)).extracting(r -> codec.decode(r.value()).tenantId()).containsExactly(after);
        Map<String, Object> row = jdbc.queryForMap(
                "select published_at, parked_at is not null as parked, last_error from outbox where event_id = ?",
                parked.eventId());
        assertThat(row.get("published_at")).isNull();
        assertThat(row.get("parked")).isEqualTo(true);
        assertThat((String) row.get("last_error")).contains("RecordTooLarge");
        assertThat(meters.counter("urop.outbox.parked").count()).isEqualTo(1);
        assertThat(relay.relayPending()).as("a parked event is not tried again").isZero();
    }

    @Test
    void theRelayCountsWhatItPublishesByTypeAndShowsHowLongTheOldestEventHasWaited() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay measured = new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), kafka, properties,
                meters);
        measured.relayPending();
        assertThat(meters.get("urop.outbox.lag").gauge().value()).as("nothing waits").isZero();
        UUID tenant = UUID.randomUUID();
        EventEnvelope added = transaction.execute(status -> outbox.add(created(tenant), tenant, tenant.toString()));
        jdbc.update("update outbox set created_at = now() - interval '90 seconds' where event_id = ?", added.eventId());

        assertThat(meters.get("urop.outbox.lag").gauge().value()).isBetween(90.0, 120.0);

        measured.relayPending();
        assertThat(meters.get("urop.outbox.lag").gauge().value()).isZero();
        assertThat(meters.get("urop.events.published").tag("type", "tenant.created").counter().count()).isOne();
    }

    @Test
    void publishedEventsAreDeletedAfterTheRetentionPeriod() {
        UUID tenant = UUID.randomUUID();
        EventEnvelope added = transaction.execute(status -> outbox.add(created(tenant), tenant, tenant.toString()));
        relay.relayPending();
        jdbc.update("update outbox set published_at = now() - interval '8 days' where event_id = ?", added.eventId());

        assertThat(relay.deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from outbox where event_id = ?", Long.class, added.eventId())).isZero();
    }

    private KafkaTemplate<String, String> unreachableBroker() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + FreePorts.next());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    private List<ConsumerRecord<String, String>> onTopic(String key, int atLeast) {
        return TopicReader.await(bootstrap, "tenant.events", r -> key.equals(r.key()), atLeast, Duration.ofSeconds(20));
    }

    private static TenantCreated created(UUID tenant) {
        return new TenantCreated(tenant, "t-" + tenant.toString().substring(0, 8), "Test", "EUR", "UTC");
    }
}
