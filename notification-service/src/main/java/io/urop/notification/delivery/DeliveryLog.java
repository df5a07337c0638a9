package io.urop.notification.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.urop.web.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery log and the refused recipients. An attempt's record and a refusal commit on their own, whatever becomes
 * of the transaction of the event being handled: a failed attempt stays in the log though its event is rolled back
 * and retried. Reads join the event's transaction. Recipients compare regardless of case.
 */
@Repository
class DeliveryLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    DeliveryLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Optional<DeliveryStatus> statusOf(UUID eventId, Message message) {
        return jdbc.sql("select status from deliveries where event_id = ? and channel = ? and recipient = ?")
                .params(eventId, message.channel().name(), message.to())
                .query((row, n) -> DeliveryStatus.valueOf(row.getString(1))).optional();
    }

    @Transactional(readOnly = true)
    boolean isRefused(Message message) {
        return jdbc.sql("""
                select count(*) from refused_recipients
                where tenant_id = ? and channel = ? and lower(recipient) = lower(?)""")
                .params(message.tenantId(), message.channel().name(), message.to()).query(Integer.class).single() > 0;
    }

    /** Records an attempt (or, {@code SUPPRESSED}, the decision not to make one) of the event's message. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void record(UUID eventId, Message message, DeliveryStatus status, String error, String providerId) {
        Timestamp now = Timestamp.from(clock.instant());
        int attempt = status == DeliveryStatus.SUPPRESSED ? 0 : 1;
        jdbc.sql("""
                insert into deliveries (id, tenant_id, event_id, kind, channel, recipient, status, attempts, last_error,
                                        provider_id, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (event_id, channel, recipient) do update
                    set status = excluded.status, attempts = deliveries.attempts + excluded.attempts,
                        last_error = excluded.last_error, provider_id = excluded.provider_id,
                        updated_at = excluded.updated_at""")
                .params(UUID.randomUUID(), message.tenantId(), eventId, message.kind(), message.channel().name(),
                        message.to(), status.name(), attempt, error, providerId, now, now)
                .update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void refuse(UUID tenantId, Channel channel, String recipient, String reason) {
        jdbc.sql("""
                insert into refused_recipients (tenant_id, channel, recipient, reason, refused_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(tenantId, channel.name(), recipient, reason, Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * The email of that {@code Message-ID} bounced for that recipient.
     *
     * @return the address as it was sent to; empty when no such email was sent
     */
    @Transactional
    Optional<String> bounced(String messageId, String recipient, String reason) {
        return jdbc.sql("""
                update deliveries set status = 'BOUNCED', last_error = ?, updated_at = ?
                where provider_id = ? and channel = 'EMAIL' and lower(recipient) = lower(?)
                returning recipient""")
                .params(reason, Timestamp.from(clock.instant()), messageId, recipient)
                .query(String.class).optional();
    }

    /** The tenant's deliveries, newest first (the tenant is the one bound to the transaction). */
    @Transactional(readOnly = true)
    Paged<Delivery> newest(Optional<DeliveryStatus> status, int page, int size) {
        String where = status.map(ignored -> " where status = :status").orElse("");
        List<Delivery> deliveries = jdbc.sql("""
                select id, kind, channel, recipient, status, attempts, last_error, provider_id, created_at, updated_at
                from deliveries""" + where + " order by created_at desc, id limit :size offset :offset")
                .param("status", status.map(Enum::name).orElse(null))
                .param("size", size).param("offset", (long) page * size)
                .query((row, n) -> new Delivery(row.getObject("id", UUID.class), row.getString("kind"),
                        Channel.valueOf(row.getString("channel")), row.getString("recipient"),
                        DeliveryStatus.valueOf(row.getString("status")), row.getInt("attempts"),
                        row.getString("last_error"), row.getString("provider_id"),
                        row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant()))
                .list();
        long total = jdbc.sql("select count(*) from deliveries" + where)
                .param("status", status.map(Enum::name).orElse(null)).query(Long.class).single();
        return new Paged<>(deliveries, page, size, total);
    }
}
