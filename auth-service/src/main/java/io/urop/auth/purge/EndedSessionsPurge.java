package io.urop.auth.purge;

import java.time.Duration;

import io.urop.auth.password.PasswordResets;
import io.urop.auth.session.Sessions;
import io.urop.tenancy.RecurringJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
public class EndedSessionsPurge extends RecurringJob {

    private static final Logger log = LoggerFactory.getLogger(EndedSessionsPurge.class);

    /** Rows deleted by one round of the purge. */
    public record Purged(int sessions, int passwordResets) {
    }

    private final PurgeLock lock;
    private final Sessions sessions;
    private final PasswordResets passwordResets;
    private final TransactionTemplate transactions;

    EndedSessionsPurge(PurgeLock lock, Sessions sessions, PasswordResets passwordResets,
            PlatformTransactionManager transactionManager, PurgeProperties properties) {
        super("purge of ended sessions", Duration.ofMinutes(1), properties.interval());
        this.lock = lock;
        this.sessions = sessions;
        this.passwordResets = passwordResets;
        this.transactions = new TransactionTemplate(transactionManager);
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
    protected void runRound() {
        Purged purged = purge();
        if (purged.sessions() + purged.passwordResets() > 0) {
            log.info("Purged {} ended sessions and {} expired password resets", purged.sessions(),
                    purged.passwordResets());
        }
    }
}
