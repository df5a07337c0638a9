package io.urop.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its beginning, as an outside observer would, to see what was really published. */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * Waits until at least {@code atLeast} matching records are on the topic and everything up to
     * its current end has been read, then returns all matching records (so duplicates show).
     */
    public static List<ConsumerRecord<String, String>> await(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, String>> match, int atLeast, Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> matches = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                consumer.partitionsFor(topic, Duration.ofSeconds(5))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (match.test(record)) {
                        matches.add(record);
                    }
                });
                if (matches.size() >= atLeast && readToEnd(consumer, partitions)) {
                    break;
                }
            }
        }
        return matches;
    }

    private static boolean readToEnd(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
    }
}
