package io.urop.auth.purge;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.urop.auth.password.PasswordResets;
import io.urop.auth.session.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes, across tenants, the sign-in sessions (with their refresh tokens) and password resets that
 * ended over a day ago: they can never be used again, and kept forever they would grow the tables
 * every sign-in touches. Row-level security lets only a transaction marked {@code app.purge} see those
 * rows (migration V6); instances agree through an advisory lock, so one purges at a time ({@link PurgeLock}).
 */
@Component
@EnableConfigurationProperties(PurgeProperties.class)
public class EndedSessionsPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EndedSessionsPurge.class);

    /** Rows deleted by one round of the purge. */
    public record Purged(int sessions, int passwordResets) {
    }

    private final PurgeLock lock;
    private final Sessions sessions;
    private final PasswordResets passwordResets;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    EndedSessionsPurge(PurgeLock lock, Sessions sessions, PasswordResets passwordResets,
            PlatformTransactionManager transactionManager, PurgeProperties properties) {
        this.lock = lock;
        this.sessions = sessions;
        this.passwordResets = passwordResets;
        this.transactions = new TransactionTemplate(transactionManager);
        this.interval = properties.interval();
    }

    /** One round; nothing when another instance is purging right now. */
    public Purged purge() {
        return transactions.execute(status -> {
            if (!lock.claim()) {
                return new Purged(0, 0);
            }
            int endedSessions = sessions.deleteEnded();
            return new Purged(endedSessions, passwordResets.deleteExpired());
        });
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ended-sessions-purge");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::purgeQuietly, Duration.ofMinutes(1).toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        executor = started;
    }

    private void purgeQuietly() {
        try {
            Purged purged = purge();
            if (purged.sessions() + purged.passwordResets() > 0) {
                log.info("Purged {} ended sessions and {} expired password resets", purged.sessions(),
                        purged.passwordResets());
            }
        } catch (RuntimeException e) {
            // whatever failed, the next round must still come: a scheduled task that throws is never run again
            log.warn("Purge of ended sessions failed; retried in {}: {}", interval, e.toString());
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
