package io.urop.order.idempotency;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes, across tenants, the Idempotency-Keys past their retention, every
 * {@link IdempotencyProperties#purgeInterval()}; instances agree through an advisory lock, so one purges at a time.
 */
@Component
@EnableConfigurationProperties(IdempotencyProperties.class)
class ExpiredKeysPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredKeysPurge.class);

    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;
    private final IdempotencyProperties properties;
    private final Clock clock;
    private volatile ScheduledExecutorService executor;

    ExpiredKeysPurge(IdempotencyKeys keys, PlatformTransactionManager transactionManager,
            IdempotencyProperties properties, Clock clock) {
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    /** One round; 0 when another instance is purging right now. */
    int purge() {
        Integer deleted = transactions.execute(status ->
                keys.deleteClaimedBefore(clock.instant().minus(properties.retention())));
        return deleted == null ? 0 : deleted;
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idempotency-keys-purge");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.purgeInterval().toMillis();
        started.scheduleWithFixedDelay(this::purgeQuietly, interval, interval, TimeUnit.MILLISECONDS);
        executor = started;
    }

    private void purgeQuietly() {
        try {
            int deleted = purge();
            if (deleted > 0) {
                log.info("Deleted {} Idempotency-Keys past their retention", deleted);
            }
        }
        catch (RuntimeException e) {
            // whatever failed, the next round must still come: a scheduled task that throws is never run again
            log.warn("Purge of Idempotency-Keys failed; retried in {}: {}", properties.purgeInterval(), e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        if (current != null) {
            current.shutdownNow();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
