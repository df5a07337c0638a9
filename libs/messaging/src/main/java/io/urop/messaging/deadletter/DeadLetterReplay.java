package io.urop.messaging.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.urop.events.EventTopics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Re-drives the events this service parked on a topic's {@code .DLT} through the very listeners that failed them,
 * once the cause is mended. The dead-letter topic is shared by every service consuming the topic: only records
 * this service's consumer group parked are handed back, and its listeners' inboxes make a replay that repeats an
 * event harmless. What was replayed is remembered (the offsets of a consumer group of its own), so a second replay
 * starts after the first; a record that fails again stops the replay there, to be replayed later.
 */
public class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    private static final Duration POLL = Duration.ofMillis(500);

    private final ConsumerFactory<String, String> consumers;
    private final KafkaListenerEndpointRegistry listeners;
    private final String group;

    /** @param group the consumer group of the service's listeners (its application name) */
    public DeadLetterReplay(ConsumerFactory<String, String> consumers, KafkaListenerEndpointRegistry listeners,
            String group) {
        this.consumers = consumers;
        this.listeners = listeners;
        this.group = group;
    }

    /** Replays what this service parked on {@code topic}'s dead-letter topic until now. */
    public Outcome replay(String topic) {
        List<MessageListener<String, String>> handlers = handlersOf(topic);
        if (handlers.isEmpty()) {
            throw new IllegalArgumentException(group + " has no listener on " + topic);
        }
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, String> consumer = consumers.createConsumer(group + ".dead-letter-replay", null, null,
                overrides)) {
            String deadLetters = EventTopics.deadLetterOf(topic);
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetters, Duration.ofSeconds(10)).stream()
                    .map(partition -> new TopicPartition(deadLetters, partition.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            int replayed = 0;
            int othersSkipped = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> parked : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(parked.topic(), parked.partition());
                    if (parked.offset() >= ends.get(partition)) {
                        continue;
                    }
                    if (group.equals(header(parked, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP).orElse(null))) {
                        Optional<String> failure = handle(topic, parked, handlers);
                        if (failure.isPresent()) {
                            return new Outcome(topic, replayed, othersSkipped, failure.get());
                        }
                        replayed++;
                    }
                    else {
                        othersSkipped++;
                    }
                    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(parked.offset() + 1)));
                }
            }
            return new Outcome(topic, replayed, othersSkipped, null);
        }
    }

    private Optional<String> handle(String topic, ConsumerRecord<String, String> parked,
            List<MessageListener<String, String>> handlers) {
        ConsumerRecord<String, String> original = new ConsumerRecord<>(topic, parked.partition(), parked.offset(),
                parked.key(), parked.value());
        try {
            handlers.forEach(handler -> deliver(handler, original));
            return Optional.empty();
        }
        catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.warn("Replaying {} offset {} failed again, the replay stops there: {}", parked.topic(),
                    parked.offset(), cause.toString());
            return Optional.of(parked.topic() + "@" + parked.partition() + ":" + parked.offset() + " " + cause);
        }
    }

    /** As the container would: a {@code @KafkaListener}'s adapter takes the record with its acknowledgment and consumer. */
    private static void deliver(MessageListener<String, String> handler, ConsumerRecord<String, String> record) {
        if (handler instanceof AcknowledgingConsumerAwareMessageListener<String, String> adapter) {
            adapter.onMessage(record, null, null);
        }
        else {
            handler.onMessage(record);
        }
    }

    @SuppressWarnings("unchecked")
    private List<MessageListener<String, String>> handlersOf(String topic) {
        return listeners.getListenerContainers().stream()
                .filter(container -> List.of(topicsOf(container)).contains(topic))
                .map(container -> (MessageListener<String, String>) container.getContainerProperties().getMessageListener())
                .toList();
    }

    private static String[] topicsOf(MessageListenerContainer container) {
        String[] topics = container.getContainerProperties().getTopics();
        return topics == null ? new String[0] : topics;
    }

    private static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /**
     * @param replayed      records this service parked and its listeners have now handled
     * @param othersSkipped records other services parked on the same dead-letter topic, left to them
     * @param failure       the record that failed again and what it failed with; null when all went through
     */
    public record Outcome(String topic, int replayed, int othersSkipped, String failure) {

        public boolean completed() {
            return failure == null;
        }
    }
}
