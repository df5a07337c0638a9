package io.urop.gateway.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.urop.contracts.DenyList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * auth-service's deny-list of revoked login sessions. Every revocation (logout, refresh-token reuse,
 * deactivation...) writes {@code urop:auth:revoked-session:<sid>} with a TTL of at least the remaining
 * life of the session's access tokens, and appends the session to the stream ({@link DenyList}).
 *
 * <p>The gateway keeps the list in memory: it reads the stream whole at start, then follows it every
 * {@code pollInterval}, so a request costs no call to Redis. While that copy is not known to be
 * current (not read yet, no successful read begun within {@code staleAfter}, or no stream at all,
 * which is what an auth-service that does not write it yet, or a Redis that lost its data, looks
 * like), each request asks Redis for the session's key instead, which fails closed when Redis cannot
 * be reached. A revocation is therefore refused at the latest {@code staleAfter} after it was written.
 * When the stream's newest id falls behind the last one read (a Redis restored or failed over to a
 * replica that lags), it is read whole again.
 */
@Component
class RevokedSessions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RevokedSessions.class);

    /** Before the first entry ever written: reading after it reads the whole stream. */
    private static final String BEGINNING = "0-0";

    private static final int PAGE = 1_000;

    /** Entries are dropped this long after their {@code until}, so clocks a little apart do no harm. */
    private static final long KEPT_PAST_UNTIL_MILLIS = Duration.ofMinutes(1).toMillis();

    /** How long an entry whose {@code until} cannot be read is kept: longer than any token lives. */
    private static final long UNREADABLE_UNTIL_KEPT_MILLIS = Duration.ofHours(4).toMillis();

    private static final Mono<Boolean> REVOKED = Mono.just(true);
    private static final Mono<Boolean> NOT_REVOKED = Mono.just(false);

    private final ReactiveStringRedisTemplate redis;
    private final Duration pollInterval;
    private final long staleAfterNanos;

    /** Revoked session id to when its listing ends (epoch millis, Redis's clock). */
    private final Map<String, Long> revokedUntil = new ConcurrentHashMap<>();

    /** The last entry read, {@link #BEGINNING} before the first. */
    private volatile String lastEntryId = BEGINNING;

    /** Whether a read has ever caught up with the stream. */
    private volatile boolean caughtUp;

    /** When the last successful read began: the copy holds every revocation written before it. */
    private volatile long currentAsOfNanos;

    private volatile boolean warnedStale;

    private volatile boolean warnedUnreadable;

    private volatile Disposable following;

    RevokedSessions(ReactiveStringRedisTemplate redis, GatewaySecurityProperties properties) {
        this.redis = redis;
        this.pollInterval = properties.revocationsPollInterval();
        this.staleAfterNanos = properties.revocationsStaleAfter().toNanos();
    }

    /** Errors when the copy is stale and Redis cannot be reached: the caller decides (the gateway fails closed). */
    Mono<Boolean> isRevoked(String sessionId) {
        if (isCurrent()) {
            return revokedUntil.containsKey(sessionId) ? REVOKED : NOT_REVOKED;
        }
        warnOnceStale();
        return redis.hasKey(DenyList.key(sessionId));
    }

    boolean isCurrent() {
        return caughtUp && System.nanoTime() - currentAsOfNanos < staleAfterNanos;
    }

    @Override
    public void start() {
        following = Flux.interval(Duration.ZERO, pollInterval)
                .onBackpressureDrop()
                .concatMap(tick -> catchUp().onErrorResume(error -> {
                    if (!warnedUnreadable) {
                        warnedUnreadable = true;
                        log.warn("Could not read {}: {}", DenyList.STREAM, error.toString());
                    }
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = following;
        if (current != null) {
            current.dispose();
        }
        following = null;
    }

    @Override
    public boolean isRunning() {
        return following != null;
    }

    private Mono<Void> catchUp() {
        long startedAt = System.nanoTime();
        return redis.opsForStream().info(DenyList.STREAM)
                .map(stream -> Optional.of(stream.lastGeneratedId()))
                // no stream: nothing to follow, and no proof that revocations are written to one
                .onErrorResume(error -> isNoSuchKey(error), error -> Mono.just(Optional.empty()))
                .flatMap(newest -> {
                    if (newest.isEmpty()) {
                        if (caughtUp) {
                            log.warn("{} is gone: revoked sessions are read from Redis on every request", DenyList.STREAM);
                        }
                        caughtUp = false;
                        lastEntryId = BEGINNING;
                        return Mono.empty();
                    }
                    if (isBefore(newest.get(), lastEntryId)) {
                        log.warn("{} went back from {} to {}: reading it whole again", DenyList.STREAM, lastEntryId,
                                newest.get());
                        lastEntryId = BEGINNING;
                    }
                    return readAfter(lastEntryId).then(Mono.fromRunnable(() -> caughtUpAsOf(startedAt)));
                });
    }

    private void caughtUpAsOf(long startedAt) {
        currentAsOfNanos = startedAt;
        caughtUp = true;
        if (warnedStale || warnedUnreadable) {
            warnedStale = false;
            warnedUnreadable = false;
            log.info("Following {} again: revoked sessions are checked in memory", DenyList.STREAM);
        }
        forgetExpired();
    }

    private Mono<Void> readAfter(String entryId) {
        return redis.opsForStream().range(DenyList.STREAM, Range.rightUnbounded(Range.Bound.exclusive(entryId)),
                        Limit.limit().count(PAGE))
                .doOnNext(this::remember)
                .count()
                .flatMap(read -> read == PAGE ? readAfter(lastEntryId) : Mono.empty());
    }

    private void remember(MapRecord<String, Object, Object> entry) {
        lastEntryId = entry.getId().getValue();
        Object session = entry.getValue().get(DenyList.SESSION_FIELD);
        if (session == null) {
            return; // not a revocation (auth-service marks its start)
        }
        revokedUntil.merge(session.toString(), until(entry), Math::max);
    }

    private static long until(MapRecord<String, Object, Object> entry) {
        Object until = entry.getValue().get(DenyList.UNTIL_FIELD);
        try {
            return Long.parseLong(String.valueOf(until));
        } catch (NumberFormatException e) {
            log.warn("Entry {} of {} has no readable 'until' ({}): its session stays listed for {}", entry.getId(),
                    DenyList.STREAM, until, Duration.ofMillis(UNREADABLE_UNTIL_KEPT_MILLIS));
            return System.currentTimeMillis() + UNREADABLE_UNTIL_KEPT_MILLIS;
        }
    }

    private static boolean isBefore(String entryId, String otherId) {
        RecordId entry = RecordId.of(entryId);
        RecordId other = RecordId.of(otherId);
        int byTime = Long.compare(entry.getTimestamp(), other.getTimestamp());
        return byTime < 0 || byTime == 0 && entry.getSequence() < other.getSequence();
    }

    private static boolean isNoSuchKey(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("no such key")) {
                return true;
            }
        }
        return false;
    }

    private void forgetExpired() {
        long horizon = System.currentTimeMillis() - KEPT_PAST_UNTIL_MILLIS;
        revokedUntil.values().removeIf(until -> until < horizon);
    }

    private void warnOnceStale() {
        if (caughtUp && !warnedStale) {
            warnedStale = true;
            log.warn("{} could not be followed for a while: revoked sessions are read from Redis on every request",
                    DenyList.STREAM);
        }
    }
}
