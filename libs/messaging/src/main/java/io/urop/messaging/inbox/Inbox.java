package io.urop.messaging.inbox;

import java.util.function.Consumer;

import io.urop.events.EventCodec;
import io.urop.events.EventEnvelope;
import io.urop.events.IntegrationEvent;
import io.urop.tenancy.TenantContext;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an integration event at most once per consumer: the event id is recorded in the
 * {@code inbox} table in the same transaction as the effect, bound to the event's tenant. A
 * redelivered event finds its id and is skipped; a failed effect rolls back both and is retried.
 */
public class Inbox {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EventCodec codec;

    public Inbox(JdbcTemplate jdbc, TransactionTemplate transaction, EventCodec codec) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.codec = codec;
    }

    /**
     * @param message the record value as received from Kafka
     * @param consumer a stable name of the effect, unique within the service
     * @param contract the event contract this effect handles; events of other types are ignored
     * @return whether the effect was applied now (false: another type, or already applied)
     * @throws io.urop.events.MalformedEventException if the message is not an event or not of a version this consumer reads
     */
    public <T> boolean process(String message, String consumer, Class<T> contract, Consumer<T> effect) {
        EventEnvelope envelope = codec.decode(message);
        IntegrationEvent handled = EventCodec.contractOf(contract);
        if (!handled.type().equals(envelope.type())) {
            return false;
        }
        T event = codec.payload(envelope, contract);
        Boolean applied = TenantContext.callAs(envelope.tenantId(), () -> transaction.execute(status -> {
            int recorded = jdbc.update("""
                    insert into inbox (consumer, event_id, event_type) values (?, ?, ?)
                    on conflict do nothing""", consumer, envelope.eventId(), envelope.type());
            if (recorded == 0) {
                return false;
            }
            effect.accept(event);
            return true;
        }));
        return Boolean.TRUE.equals(applied);
    }
}
