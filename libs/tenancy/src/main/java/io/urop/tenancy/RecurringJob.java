package io.urop.tenancy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Work a service runs in the background every {@code interval}, on a thread of its own from start to shutdown: the
 * purges and sweeps that go across tenants (binding each unit of work to its tenant is the job's own business). A
 * round that fails is logged (a data store that cannot be reached as a warning, anything else, a defect, in full)
 * and the next round still comes: a scheduled task that throws is never run again. A subclass does one round in
 * {@link #runRound()} and logs what it did.
 */
public abstract class RecurringJob implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration firstDelay;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    /**
     * @param name       the job's thread, and what the log calls it ("purge of ended sessions")
     * @param firstDelay from start to the first round
     */
    protected RecurringJob(String name, Duration firstDelay, Duration interval) {
        this.name = name;
        this.firstDelay = firstDelay;
        this.interval = interval;
    }

    /** One round of the work. */
    protected abstract void runRound();

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name.replace(' ', '-'));
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::runQuietly, firstDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        executor = started;
    }

    private void runQuietly() {
        try {
            runRound();
        }
        catch (DataAccessException | TransactionException e) {
            log.warn("The {} failed; retried in {}: {}", name, interval, e.toString());
        }
        catch (RuntimeException e) {
            log.error("The {} failed; retried in {}", name, interval, e);
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
