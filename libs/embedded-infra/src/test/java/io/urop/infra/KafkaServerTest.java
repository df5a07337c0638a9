package io.urop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaServerTest {

    @Test
    void deliversATransactionalRecordToAReadCommittedConsumer() {
        try (KafkaServer kafka = KafkaServer.start(null)) {
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");

            produceInTransaction(kafka, "orders.placed", "order-1", "{\"total\":42}");

            assertThat(consumeAll(kafka, "orders.placed", 1))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("order-1", "{\"total\":42}"));
        }
    }

    @Test
    void keepsRecordsInAGivenDirectoryAcrossRestarts(@TempDir Path directory) {
        try (KafkaServer first = KafkaServer.start(directory)) {
            produceInTransaction(first, "menu.changed", "dish-1", "soup");
        }

        try (KafkaServer second = KafkaServer.start(directory)) {
            assertThat(consumeAll(second, "menu.changed", 1)).extracting(ConsumerRecord::value).containsExactly("soup");
        }
    }

    @Test
    void aRestartedBrokerKeepsItsRecordsAndItsAddressAndTakesNewOnes() {
        try (KafkaServer kafka = KafkaServer.start(null)) {
            String address = kafka.bootstrapServers();
            produceInTransaction(kafka, "tab.changed", "session-1", "before");

            kafka.restart();

            assertThat(kafka.bootstrapServers()).isEqualTo(address);
            produceInTransaction(kafka, "tab.changed", "session-1", "after");
            assertThat(consumeAll(kafka, "tab.changed", 2)).extracting(ConsumerRecord::value)
                    .containsExactly("before", "after");
        }
    }

    private static void produceInTransaction(KafkaServer kafka, String topic, String key, String value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-" + UUID.randomUUID(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.commitTransaction();
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(KafkaServer kafka, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
