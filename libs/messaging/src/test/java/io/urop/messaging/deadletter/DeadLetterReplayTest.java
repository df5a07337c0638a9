package io.urop.messaging.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.urop.events.EventCodec;
import io.urop.events.EventEnvelope;
import io.urop.events.tenant.TenantCreated;
import io.urop.messaging.inbox.Inbox;
import io.urop.test.InfrastructureInitializer;
import io.urop.test.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = {"urop.messaging.retries=1", "urop.messaging.retry-initial-interval=100ms"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterReplayTest {

    private static final String TOPIC = "tenant.events";

    /** The consumer group of the service's listeners: its application name. */
    private static final String GROUP = "messaging-test";

    @Autowired
    DeadLetterReplay deadLetters;

    @Autowired
    FlakyListener listener;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void eventsParkedDuringAnOutageAreAppliedOnceWhenReplayedAndOnlyOnce(CapturedOutput output) throws Exception {
        listener.failing = false;
        deadLetters.replay(TOPIC);
        EventEnvelope event = parkedWhileFailing();
        assertThat(output).as("operators hear of a parked event").contains("ERROR").contains(
                "Parked the event " + TOPIC).contains("(key " + event.aggregateId() + ") on " + TOPIC + ".DLT");
        // delivered twice (a producer's retry), parked twice
        kafka.send(TOPIC, event.aggregateId(), codec.encode(event)).join();
        awaitParked(event, 2);
        parkedByAnotherService();

        listener.failing = false;
        DeadLetterReplay.Outcome replayed = deadLetters.replay(TOPIC);

        assertThat(replayed.completed()).isTrue();
        assertThat(replayed.replayed()).isEqualTo(2);
        assertThat(replayed.othersSkipped()).isEqualTo(1);
        assertThat(effects(event)).as("the inbox applies it once").containsExactly("applied");
        assertThat(deadLetters.replay(TOPIC).replayed()).as("a second replay starts after the first").isZero();
        assertThat(effects(event)).containsExactly("applied");
    }

    @Test
    void aReplayStopsAtARecordThatFailsAgainAndTheNextReplayTakesItUp() throws Exception {
        EventEnvelope event = parkedWhileFailing();

        DeadLetterReplay.Outcome stillFailing = deadLetters.replay(TOPIC);
        assertThat(stillFailing.completed()).isFalse();
        assertThat(stillFailing.failure()).contains("the database is down");
        assertThat(effects(event)).isEmpty();

        listener.failing = false;
        assertThat(deadLetters.replay(TOPIC).completed()).isTrue();
        assertThat(effects(event)).containsExactly("applied");
    }

    @Test
    void recordsAnotherServiceParkedAreLeftToIt() {
        listener.failing = false;
        deadLetters.replay(TOPIC);
        EventEnvelope othersEvent = parkedByAnotherService();

        DeadLetterReplay.Outcome outcome = deadLetters.replay(TOPIC);

        assertThat(outcome.replayed()).isZero();
        assertThat(outcome.othersSkipped()).isEqualTo(1);
        assertThat(effects(othersEvent)).isEmpty();
    }

    /** Sent while this service's handler fails: retried, then parked on the dead-letter topic. */
    private EventEnvelope parkedWhileFailing() throws Exception {
        awaitCaughtUp();
        listener.failing = true;
        EventEnvelope event = created();
        kafka.send(TOPIC, event.aggregateId(), codec.encode(event)).join();
        awaitParked(event, 1);
        return event;
    }

    /**
     * Waits until this service's listener has taken every record already on the topic (other test classes publish
     * there too): one it had not reached yet when its handler starts failing would be parked with the test's own.
     */
    private void awaitCaughtUp() throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!caughtUp(admin)) {
                assertThat(System.nanoTime()).as(GROUP + " catching up on " + TOPIC).isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static boolean caughtUp(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC)
                .partitions().stream()
                .collect(Collectors.toMap(info -> new TopicPartition(TOPIC, info.partition()), info -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue().offset());
    }

    private EventEnvelope parkedByAnotherService() {
        EventEnvelope event = created();
        ProducerRecord<String, String> parked = new ProducerRecord<>(TOPIC + ".DLT", event.aggregateId(),
                codec.encode(event));
        parked.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "other-service".getBytes(StandardCharsets.UTF_8));
        kafka.send(parked).join();
        awaitParked(event, 1);
        return event;
    }

    private void awaitParked(EventEnvelope event, int times) {
        assertThat(TopicReader.await(bootstrapServers, TOPIC + ".DLT",
                record -> record.value().contains(event.eventId().toString()), times, Duration.ofSeconds(30)))
                .hasSize(times);
    }

    private List<String> effects(EventEnvelope event) {
        return jdbc.queryForList("select note from effects where event_id = ?", String.class, event.eventId());
    }

    private EventEnvelope created() {
        UUID tenant = UUID.randomUUID();
        return codec.envelope(new TenantCreated(tenant, "t-" + tenant, "Test", "EUR", "UTC"), tenant,
                tenant.toString(), null);
    }

    @TestConfiguration
    static class Listeners {

        @Bean
        FlakyListener flakyListener(Inbox inbox, JdbcTemplate jdbc, EventCodec codec) {
            return new FlakyListener(inbox, jdbc, codec);
        }
    }

    /** A consumer whose database is down while {@code failing}. */
    static class FlakyListener {

        private final Inbox inbox;
        private final JdbcTemplate jdbc;
        private final EventCodec codec;
        volatile boolean failing;

        FlakyListener(Inbox inbox, JdbcTemplate jdbc, EventCodec codec) {
            this.inbox = inbox;
            this.jdbc = jdbc;
            this.codec = codec;
        }

        @KafkaListener(topics = TOPIC)
        void on(String message) {
            inbox.process(message, "flaky", TenantCreated.class, created -> {
                if (failing) {
                    throw new IllegalStateException("the database is down");
                }
                jdbc.update("insert into effects (event_id, tenant, note) values (?, ?, 'applied')",
                        codec.decode(message).eventId(), created.tenantId().toString());
            });
        }
    }
}
