package io.urop.gateway.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls a service's bulkhead or open breaker refused, logged once per service every {@link #EVERY} with how many
 * were refused since the last line: under overload a line per refused call (thousands a minute) would add to the very
 * work the gateway sheds. Each refusal is still counted in Resilience4j's metrics and answered with its own problem.
 */
final class SheddingLog {

    private static final Duration EVERY = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(ServiceCircuitBreakers.class);

    private final ConcurrentMap<String, Refusals> services = new ConcurrentHashMap<>();

    private final Clock clock;

    SheddingLog(Clock clock) {
        this.clock = clock;
    }

    void refused(String serviceId, String method, String path, String reason) {
        Refusals refusals = services.computeIfAbsent(serviceId, id -> new Refusals());
        refusals.count.incrementAndGet();
        Instant now = clock.instant();
        Instant last = refusals.loggedAt.get();
        if ((last == null || !now.isBefore(last.plus(EVERY))) && refusals.loggedAt.compareAndSet(last, now)) {
            log.warn("{} unavailable for {} {}: {}; {} call(s) refused since the last line", serviceId, method, path,
                    reason, refusals.count.getAndSet(0));
        }
    }

    private static final class Refusals {

        private final AtomicLong count = new AtomicLong();

        private final AtomicReference<Instant> loggedAt = new AtomicReference<>();
    }
}
