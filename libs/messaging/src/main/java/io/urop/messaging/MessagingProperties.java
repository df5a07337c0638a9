package io.urop.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param relayEnabled whether the relay runs in this process (tests may drive it by hand)
 * @param relayInterval how often the relay looks for events that were not sent right after commit
 * @param relayBatchSize how many events the relay sends in one round
 * @param retention how long published events stay in the outbox (for diagnosis) before deletion
 * @param partitions partitions of each topic the service creates
 * @param replicas replication factor of each topic the service creates
 * @param retries how often a failed event handling is retried before the event goes to the dead-letter topic: the
 *        defaults wait about ten minutes in all, so a short outage of the database or of a service called parks
 *        nothing
 * @param retryInitialInterval the first back-off between retries, growing 2.5 times per retry
 * @param retryMaxInterval the longest back-off between retries (below the consumer's {@code max.poll.interval.ms})
 */
@ConfigurationProperties("urop.messaging")
public record MessagingProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("1s") Duration relayInterval,
        @DefaultValue("100") int relayBatchSize,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("10") int retries,
        @DefaultValue("1s") Duration retryInitialInterval,
        @DefaultValue("2m") Duration retryMaxInterval) {
}
