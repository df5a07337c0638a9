package io.urop.messaging.outbox;

import java.util.UUID;
import java.util.function.Supplier;

import io.urop.events.EventCodec;
import io.urop.events.EventEnvelope;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an integration event in the same transaction as the state change it describes. Nothing
 * goes to Kafka here: the {@link OutboxRelay} sends it once the transaction has committed, and
 * sends nothing if it rolls back.
 */
public class Outbox {

    private static final String INSERT = """
            insert into outbox (event_id, event_type, topic, message_key, envelope)
            values (?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final OutboxRelay relay;
    private final Supplier<String> traceparent;

    public Outbox(JdbcTemplate jdbc, EventCodec codec, OutboxRelay relay, Supplier<String> traceparent) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.relay = relay;
        this.traceparent = traceparent;
    }

    /**
     * @param contract an {@code @IntegrationEvent} record
     * @param aggregateId the Kafka key: one aggregate's events keep their order
     */
    public EventEnvelope add(Object contract, UUID tenantId, String aggregateId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("An event must be added inside the transaction of its change");
        }
        EventEnvelope envelope = codec.envelope(contract, tenantId, aggregateId, traceparent.get());
        jdbc.update(INSERT, envelope.eventId(), envelope.type(), envelope.topic(), aggregateId, codec.encode(envelope));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
        return envelope;
    }
}
