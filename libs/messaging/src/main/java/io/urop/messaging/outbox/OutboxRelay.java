package io.urop.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.urop.messaging.MessagingProperties;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends committed outbox rows to Kafka, oldest first, with an idempotent producer.
 *
 * <p>One relay per database works at a time (a transaction-scoped advisory lock), so several
 * instances of a service cannot reorder an aggregate's events. A round marks as published only the
 * rows up to the first failed send; the failed row backs off exponentially and the rows after it
 * wait for it, so events leave in the order they were committed. A row may be sent twice (a crash
 * between send and mark): consumers deduplicate through their inbox.
 *
 * <p>An event Kafka can never take (larger than the broker accepts, or refused as invalid) would stop every event after
 * it for good: it is parked instead, kept in the outbox with its error, logged and counted
 * ({@code urop.outbox.parked}), and the relay moves on.
 *
 * <p>What it publishes is counted by event type ({@code urop.events.published}: the orders placed, the payments taken,
 * the tickets fired, as committed), and how far it is behind is a gauge ({@code urop.outbox.lag}: the age of the oldest
 * event not yet published, read when scraped).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String TRACEPARENT = "traceparent";

    private static final long LOCK_KEY = 0x75726f702e6f7574L; // "urop.out"

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, String> kafka;
    private final MessagingProperties properties;
    private final Counter parked;
    private final MeterRegistry meters;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka,
            MessagingProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.properties = properties;
        this.parked = Counter.builder("urop.outbox.parked")
                .description("Events parked in the outbox because Kafka can never take them").register(meters);
        this.meters = meters;
        Gauge.builder("urop.outbox.lag", this, OutboxRelay::lagSeconds).baseUnit("seconds")
                .description("How long the oldest event not yet published has waited in the outbox").register(meters);
    }

    /** Asks for a round now, typically right after a transaction with events committed. */
    public void wakeUp() {
        ScheduledExecutorService current = executor;
        if (current != null && wakeUpPending.compareAndSet(false, true)) {
            current.execute(this::relayQuietly);
        }
    }

    /** Sends everything that is due; returns how many events were published. */
    public int relayPending() {
        int total = 0;
        int sent;
        do {
            sent = relayBatch();
            total += sent;
        } while (sent == properties.relayBatchSize());
        return total;
    }

    private int relayBatch() {
        Integer published = transaction.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY))) {
                return 0;
            }
            List<PendingEvent> batch = jdbc.query("""
                    select id, topic, message_key, event_type, envelope, envelope::json ->> 'traceparent' as traceparent,
                           attempts, next_attempt_at <= now() as due
                    from outbox where published_at is null and parked_at is null order by id limit ?""",
                    (rs, n) -> new PendingEvent(rs.getLong("id"), rs.getString("topic"), rs.getString("message_key"),
                            rs.getString("event_type"), rs.getString("envelope"), rs.getString("traceparent"),
                            rs.getInt("attempts"), rs.getBoolean("due")),
                    properties.relayBatchSize());
            if (batch.isEmpty() || !batch.get(0).due()) {
                return 0;
            }
            return send(batch);
        });
        return published == null ? 0 : published;
    }

    private int send(List<PendingEvent> batch) {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            try {
                sends.add(kafka.send(event.record()));
            }
            catch (RuntimeException e) { // e.g. no broker metadata within max.block.ms, or a record too large
                sends.add(CompletableFuture.failedFuture(e));
                if (neverSendable(e).isEmpty()) {
                    break;
                }
            }
        }
        List<Object[]> published = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            PendingEvent event = batch.get(i);
            try {
                sends.get(i).join();
                published.add(new Object[] {event.id()});
                meters.counter("urop.events.published", "type", event.type()).increment();
            }
            catch (RuntimeException e) {
                Optional<Throwable> unsendable = neverSendable(e);
                if (unsendable.isPresent()) {
                    park(event, unsendable.get());
                    continue;
                }
                backOff(event, e.getCause() == null ? e : e.getCause());
                break;
            }
        }
        jdbc.batchUpdate("update outbox set published_at = now(), last_error = null where id = ?", published);
        return published.size();
    }

    /** The cause that no retry can mend, if that is what the send failed with. */
    private static Optional<Throwable> neverSendable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof InvalidTopicException
                    || cause instanceof SerializationException) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    private void park(PendingEvent event, Throwable cause) {
        log.error("Parked outbox event {} for {}: Kafka can never take it ({}); the events after it go on", event.id(),
                event.topic(), cause.toString());
        jdbc.update("update outbox set parked_at = now(), last_error = ? where id = ?", cause.toString(), event.id());
        parked.increment();
    }

    private void backOff(PendingEvent event, Throwable cause) {
        long millis = Math.min(MAX_BACKOFF.toMillis(), 1000L << Math.min(event.attempts(), 6));
        log.warn("Could not publish outbox event {} to {} (attempt {}), retrying in {} ms: {}", event.id(),
                event.topic(), event.attempts() + 1, millis, cause.toString());
        jdbc.update("""
                update outbox set attempts = attempts + 1, last_error = ?,
                       next_attempt_at = now() + make_interval(secs => ?)
                where id = ?""", cause.toString(), millis / 1000.0, event.id());
    }

    /** The age of the oldest event waiting to be published, in seconds: 0 when none waits, unknown when unreadable. */
    private double lagSeconds() {
        try {
            Double seconds = jdbc.queryForObject("""
                    select coalesce(extract(epoch from now() - min(created_at)), 0)::float8
                    from outbox where published_at is null and parked_at is null""", Double.class);
            return seconds == null ? 0 : seconds;
        }
        catch (DataAccessException e) {
            return Double.NaN;
        }
    }

    /** Deletes published events older than the retention period; returns how many. */
    public int deleteExpired() {
        return jdbc.update("delete from outbox where published_at < now() - make_interval(secs => ?)",
                (double) properties.retention().toSeconds());
    }

    private void relayQuietly() {
        wakeUpPending.set(false);
        try {
            relayPending();
        }
        catch (RuntimeException e) {
            log.warn("Outbox relay round failed, will retry: {}", e.toString());
        }
    }

    private void deleteExpiredQuietly() {
        try {
            deleteExpired();
        }
        catch (RuntimeException e) {
            log.warn("Outbox clean-up failed, will retry: {}", e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.relayInterval().toMillis();
        started.scheduleWithFixedDelay(this::relayQuietly, 0, interval, TimeUnit.MILLISECONDS);
        started.scheduleWithFixedDelay(this::deleteExpiredQuietly, 1, 60, TimeUnit.MINUTES);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping = executor;
        executor = null;
        if (stopping != null) {
            stopping.shutdown();
            try {
                stopping.awaitTermination(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isAutoStartup() {
        return properties.relayEnabled();
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private record PendingEvent(long id, String topic, String key, String type, String envelope, String traceparent,
            int attempts, boolean due) {

        /** The event, with the trace it was written in as a W3C header, which a consumer's observation continues. */
        ProducerRecord<String, String> record() {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, envelope);
            if (traceparent != null) {
                record.headers().add(TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII));
            }
            return record;
        }
    }
}
