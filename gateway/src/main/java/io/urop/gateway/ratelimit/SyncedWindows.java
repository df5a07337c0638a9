package io.urop.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Fixed windows shared by every gateway instance without a call to Redis on a request's path. A request is counted in
 * memory and decided at once against each of its windows' count as Redis last reported it plus what this instance
 * counted since; every sync interval the instance adds its new counts to the window's key in Redis and learns the
 * total. So instances together may overshoot a budget by what they admit within one sync interval, never more (at
 * worst, a burst spread over all of them in a window's first interval: each admits up to the whole budget). While
 * Redis cannot be reached, each instance still holds every window to the whole budget alone.
 * <p>
 * A window is forgotten at the first sync after it ends, so memory follows the keys active within a window. At most
 * {@code max-keys-in-memory} keys are kept: beyond that (a flood of distinct IPv6 /64s, say) a request of a key not
 * kept yet is counted per request in Redis on the same key ({@link FixedWindowRateLimiter}): still enforced and shared,
 * at the cost of a round trip (and let through while Redis is unreachable), until ended windows free room. Refusing
 * such keys instead would shut out every new client for the flood's sake; admitting them uncounted would let the flood
 * through. One sync loop serves every key; it ticks at the shortest sync interval configured, and a key whose interval
 * is longer is synced at every so many ticks.
 */
@Component
class SyncedWindows implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncedWindows.class);

    // read once into a String: a script given as a Resource checks the file's date under a lock on every call
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ADD = RedisScript.of(
            RedisScript.of(new ClassPathResource("redis/add-to-window.lua")).getScriptAsString(), List.class);

    private static final int SYNCS_IN_FLIGHT = 64;

    private final ReactiveStringRedisTemplate redis;
    private final FixedWindowRateLimiter perRequest;
    private final Duration tick;
    private final int maxKeys;
    private final Map<String, TrackedWindow> windows = new ConcurrentHashMap<>();
    private volatile Disposable syncing;
    private volatile boolean warnedUnreachable;

    SyncedWindows(ReactiveStringRedisTemplate redis, FixedWindowRateLimiter perRequest, RateLimitProperties properties) {
        this.redis = redis;
        this.perRequest = perRequest;
        this.tick = properties.shortestSyncInterval();
        this.maxKeys = properties.maxKeysInMemory();
    }

    /** Counts one request in {@code window}, unless its budget is used up. */
    Mono<Decision> acquire(Window window, Duration syncInterval) {
        return acquire(List.of(window), syncInterval);
    }

    /** Counts one request in every one of {@code windows} if each has room, else in none of them. */
    Mono<Decision> acquire(List<Window> windows, Duration syncInterval) {
        long now = System.currentTimeMillis();
        while (true) {
            List<TrackedWindow> tracked = new ArrayList<>(windows.size());
            for (Window window : windows) {
                TrackedWindow kept = track(window, syncInterval, now);
                if (kept == null) {
                    return perRequest.acquire(windows);
                }
                tracked.add(kept);
            }
            // locked in key order, so two requests sharing windows never wait on each other crosswise
            tracked.sort(Comparator.comparing(TrackedWindow::key));
            Decision decision = decideLocked(tracked, 0, now);
            if (decision != null) {
                return Mono.just(decision);
            }
            // a sync forgot one of them meanwhile: count in its successor
        }
    }

    private TrackedWindow track(Window window, Duration syncInterval, long now) {
        TrackedWindow kept = windows.get(window.key());
        if (kept != null || windows.size() >= maxKeys) {
            return kept;
        }
        return windows.computeIfAbsent(window.key(), key -> new TrackedWindow(window, ticks(syncInterval), now));
    }

    /** Null when one of the windows was forgotten before its lock was taken. */
    private static Decision decideLocked(List<TrackedWindow> tracked, int locked, long now) {
        if (locked < tracked.size()) {
            synchronized (tracked.get(locked)) {
                return decideLocked(tracked, locked + 1, now);
            }
        }
        long retryAfterMillis = -1;
        for (TrackedWindow window : tracked) {
            if (window.forgotten) {
                return null;
            }
            window.rollIfEnded(now);
            if (window.synced + window.unsynced >= window.limit) {
                retryAfterMillis = Math.max(retryAfterMillis, window.endsAtMillis - now);
            }
        }
        if (retryAfterMillis >= 0) {
            return Decision.refusedFor(retryAfterMillis);
        }
        tracked.forEach(window -> window.unsynced++);
        return Decision.ALLOWED;
    }

    private long ticks(Duration syncInterval) {
        return Math.max(1, Math.round((double) syncInterval.toMillis() / tick.toMillis()));
    }

    /** Adds what this instance counted in every window to Redis and learns their totals; forgets ended windows. */
    Mono<Void> sync() {
        return sync(window -> true);
    }

    /** The sync loop's {@code round}th round: syncs the windows whose sync interval, in ticks, divides it. */
    Mono<Void> syncRound(long round) {
        return sync(window -> round % window.syncEveryTicks == 0);
    }

    private Mono<Void> sync(Predicate<TrackedWindow> due) {
        long now = System.currentTimeMillis();
        return Flux.fromIterable(windows.values())
                .filter(window -> !forgetIfEnded(window, now) && due.test(window))
                // commands of one connection are pipelined: a round takes about one round trip, not one per key
                .flatMap(this::handOver, SYNCS_IN_FLIGHT)
                .then();
    }

    /**
     * Forgotten inside the map's lock on the key and the window's own, so no request counts in a window let go. True
     * as well for a window already replaced by a newer one of its key.
     */
    private boolean forgetIfEnded(TrackedWindow window, long now) {
        return windows.computeIfPresent(window.key(), (key, kept) -> kept.forgetIfEnded(now) ? null : kept) != window;
    }

    private Mono<Void> handOver(TrackedWindow window) {
        TrackedWindow.Handover handover = window.handOver();
        if (handover.count() == 0) {
            return Mono.empty();
        }
        return redis.execute(ADD, List.of(window.key()),
                        List.of(Integer.toString(handover.count()), Long.toString(window.lengthMillis)))
                .collectList()
                .doOnNext(reply -> {
                    List<?> values = reply.size() == 1 && reply.get(0) instanceof List<?> nested ? nested : reply;
                    window.handedOver(handover, ((Number) values.get(0)).longValue(),
                            ((Number) values.get(1)).longValue(), System.currentTimeMillis());
                    warnedUnreachable = false;
                })
                .onErrorResume(error -> {
                    window.notHandedOver(handover);
                    if (!warnedUnreachable) {
                        warnedUnreachable = true;
                        log.warn("Rate limits counted by this instance alone (Redis unavailable): {}", error.toString());
                    }
                    return Mono.empty();
                })
                .then();
    }

    /** How many keys this instance keeps a window of. */
    int keysInMemory() {
        return windows.size();
    }

    @Override
    public void start() {
        syncing = Flux.interval(tick, tick)
                .onBackpressureDrop()
                .concatMap(ticks -> syncRound(ticks + 1), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = syncing;
        if (current != null) {
            current.dispose();
        }
        syncing = null;
    }

    @Override
    public boolean isRunning() {
        return syncing != null;
    }

    /** One key's current window as this instance sees it; its state is read and written under its own lock. */
    private static final class TrackedWindow {

        /** Requests counted here and on their way to Redis, in the window of that {@code generation}. */
        record Handover(int count, long generation) {
        }

        private final String key;
        private final int limit;
        private final long lengthMillis;
        private final long syncEveryTicks;
        private long generation;
        private long endsAtMillis;
        /** The window's count as Redis last reported it, plus what this instance has handed over since. */
        private long synced;
        /** Requests this instance admitted and has not handed over yet. */
        private int unsynced;
        /** No longer in the map: a request that finds it so counts in a new one. */
        private boolean forgotten;

        TrackedWindow(Window window, long syncEveryTicks, long now) {
            this.key = window.key();
            this.limit = window.limit();
            this.lengthMillis = window.length().toMillis();
            this.syncEveryTicks = syncEveryTicks;
            this.endsAtMillis = now + lengthMillis;
        }

        String key() {
            return key;
        }

        /** With the lock held. */
        void rollIfEnded(long now) {
            if (now >= endsAtMillis) {
                generation++;
                endsAtMillis = now + lengthMillis;
                synced = 0;
                unsynced = 0;
            }
        }

        synchronized Handover handOver() {
            Handover handover = new Handover(unsynced, generation);
            synced += unsynced;
            unsynced = 0;
            return handover;
        }

        synchronized void handedOver(Handover handover, long total, long remainingMillis, long now) {
            if (handover.generation() == generation) {
                synced = total;
                endsAtMillis = now + remainingMillis;
            }
        }

        /** Redis could not be reached: the requests stay counted here, for the next attempt. */
        synchronized void notHandedOver(Handover handover) {
            if (handover.generation() == generation) {
                synced -= handover.count();
                unsynced += handover.count();
            }
        }

        /** The counts of an ended window are moot, even those Redis never heard of. */
        synchronized boolean forgetIfEnded(long now) {
            forgotten = now >= endsAtMillis;
            return forgotten;
        }
    }
}
