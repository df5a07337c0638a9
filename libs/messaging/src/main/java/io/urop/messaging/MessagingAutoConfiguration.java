package io.urop.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.urop.events.EventCodec;
import io.urop.events.EventTopics;
import io.urop.events.MalformedEventException;
import io.urop.messaging.deadletter.DeadLetterReplay;
import io.urop.messaging.deadletter.DeadLetterReplayCommand;
import io.urop.messaging.deadletter.ReplayCommandMode;
import io.urop.messaging.inbox.Inbox;
import io.urop.messaging.outbox.Outbox;
import io.urop.messaging.outbox.OutboxRelay;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.function.SingletonSupplier;

/**
 * The platform's messaging conventions in one place: an idempotent producer used only by the
 * outbox relay and the dead-letter recoverer, consumers that read committed records in the
 * service's own group, retries with back-off for minutes and then the topic's {@code .DLT} (from which
 * {@link DeadLetterReplay} re-drives them), and every topic (with its dead-letter topic) created if missing.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec(Clock clock) {
        return new EventCodec(clock);
    }

    @Bean
    KafkaTemplate<String, String> kafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer platformConsumerDefaults(Environment environment) {
        return factory -> {
            Map<String, Object> defaults = new HashMap<>();
            defaults.put(ConsumerConfig.GROUP_ID_CONFIG, environment.getRequiredProperty("spring.application.name"));
            defaults.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            defaults.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            defaults.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            defaults.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            defaults.keySet().removeAll(factory.getConfigurationProperties().keySet());
            factory.updateConfigs(defaults);
        };
    }

    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafkaTemplate, MessagingProperties properties) {
        DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, failure) -> new TopicPartition(EventTopics.deadLetterOf(record.topic()), -1));
        // an event that stops being handled is what operators must hear of: the retries before it are only INFO
        ConsumerRecordRecoverer parking = (record, failure) -> {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            log.error("Parked the event {}-{}@{} (key {}) on {} after its last retry failed: {}", record.topic(),
                    record.partition(), record.offset(), record.key(), EventTopics.deadLetterOf(record.topic()),
                    cause.toString());
            toDeadLetters.accept(record, failure);
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(parking, retryBackOff(properties));
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    /**
     * Blocking retries keep an aggregate's events in order; each wait is shorter than the consumer's
     * {@code max.poll.interval.ms}, so a partition waiting out an outage keeps its place in the group.
     */
    static BackOff retryBackOff(MessagingProperties properties) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
        backOff.setInitialInterval(properties.retryInitialInterval().toMillis());
        backOff.setMultiplier(2.5);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        return backOff;
    }

    @Bean
    DeadLetterReplay deadLetterReplay(ConsumerFactory<?, ?> consumerFactory, KafkaListenerEndpointRegistry listeners,
            Environment environment) {
        @SuppressWarnings("unchecked")
        ConsumerFactory<String, String> consumers = (ConsumerFactory<String, String>) consumerFactory;
        return new DeadLetterReplay(consumers, listeners, environment.getRequiredProperty("spring.application.name"));
    }

    @Bean
    @ConditionalOnProperty(ReplayCommandMode.TOPICS)
    DeadLetterReplayCommand deadLetterReplayCommand(DeadLetterReplay replay, Environment environment,
            ConfigurableApplicationContext context) {
        List<String> topics = Binder.get(environment).bind(ReplayCommandMode.TOPICS, Bindable.listOf(String.class)).get();
        return new DeadLetterReplayCommand(replay, topics, context);
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics(MessagingProperties properties) {
        List<NewTopic> topics = EventTopics.AREAS.stream()
                .map(area -> area + ".events")
                .flatMap(topic -> Stream.of(topic, EventTopics.deadLetterOf(topic)))
                .sorted()
                .map(topic -> TopicBuilder.name(topic).partitions(properties.partitions())
                        .replicas(properties.replicas()).build())
                .toList();
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            KafkaTemplate<String, String> kafkaTemplate, MessagingProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), kafkaTemplate, properties,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, EventCodec codec, OutboxRelay relay, ObjectProvider<Tracer> tracer) {
        // looked up once: resolving the bean for every event cost a busy order-service nearly 2 % of its CPU
        SingletonSupplier<Tracer> tracers = SingletonSupplier.of(tracer::getIfAvailable);
        return new Outbox(jdbc, codec, relay, () -> traceparent(tracers.get()));
    }

    @Bean
    Inbox inbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, EventCodec codec) {
        return new Inbox(jdbc, new TransactionTemplate(transactionManager), codec);
    }

    /** W3C trace context of the current span, carried in the envelope so consumers can join the trace. */
    private static String traceparent(Tracer tracer) {
        if (tracer == null || tracer.currentSpan() == null) {
            return null;
        }
        var context = tracer.currentSpan().context();
        return "00-" + context.traceId() + "-" + context.spanId() + "-" + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }
}
