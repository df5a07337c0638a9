package io.urop.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Each tenant's request budget, shared by every gateway instance, without a call to Redis on a
 * request's path. A request is counted in memory and decided at once against the tenant's count as
 * Redis last reported it plus what this instance counted since; every {@code syncInterval} the
 * instance adds its new counts to the tenant's fixed window in Redis and learns the total. So
 * instances together may overshoot a budget by what they admit within one sync interval, never more.
 * While Redis cannot be reached, each instance still holds every tenant to the whole budget alone.
 */
@Component
class TenantBudgets implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TenantBudgets.class);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ADD = RedisScript.of("""
            local count = redis.call('INCRBY', KEYS[1], ARGV[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              ttl = tonumber(ARGV[2])
            end
            return {count, ttl}
            """, List.class);

    private static final int SYNCS_IN_FLIGHT = 64;

    private final ReactiveStringRedisTemplate redis;
    private final int limit;
    private final Duration window;
    private final Duration syncInterval;
    private final Map<String, TenantWindow> windows = new ConcurrentHashMap<>();
    private volatile Disposable syncing;
    private volatile boolean warnedUnreachable;

    TenantBudgets(ReactiveStringRedisTemplate redis, RateLimitProperties properties) {
        this.redis = redis;
        this.limit = properties.perTenant().limit();
        this.window = properties.perTenant().window();
        this.syncInterval = properties.perTenant().syncInterval();
    }

    /** Counts one request of {@code tenant}, unless its budget is used up. */
    Decision acquire(String tenant) {
        long now = System.currentTimeMillis();
        Decision[] decision = new Decision[1];
        // counted inside the map's own lock on this tenant, so an idle window is never dropped under a request
        windows.compute(tenant, (key, current) -> {
            TenantWindow tenantWindow = current != null ? current : new TenantWindow();
            decision[0] = tenantWindow.acquire(now);
            return tenantWindow;
        });
        return decision[0];
    }

    /** Adds what this instance counted to Redis and learns each tenant's total. */
    Mono<Void> sync() {
        return Flux.fromIterable(windows.entrySet())
                // commands of one connection are pipelined: a round takes about one round trip, not one per tenant
                .flatMap(entry -> sync(entry.getKey(), entry.getValue()), SYNCS_IN_FLIGHT)
                .then(Mono.fromRunnable(this::forgetIdle));
    }

    private Mono<Void> sync(String tenant, TenantWindow tenantWindow) {
        TenantWindow.Handover handover = tenantWindow.handOver();
        if (handover.count() == 0) {
            return Mono.empty();
        }
        return redis.execute(ADD, List.of(RateLimitKeys.tenant(tenant)), List.of(Integer.toString(handover.count()),
                        Long.toString(window.toMillis())))
                .collectList()
                .doOnNext(reply -> {
                    List<?> values = reply.size() == 1 && reply.get(0) instanceof List<?> nested ? nested : reply;
                    tenantWindow.handedOver(handover, ((Number) values.get(0)).longValue(),
                            ((Number) values.get(1)).longValue(), System.currentTimeMillis());
                    warnedUnreachable = false;
                })
                .onErrorResume(error -> {
                    tenantWindow.notHandedOver(handover);
                    if (!warnedUnreachable) {
                        warnedUnreachable = true;
                        log.warn("Tenant budgets counted by this instance alone (Redis unavailable): {}",
                                error.toString());
                    }
                    return Mono.empty();
                })
                .then();
    }

    private void forgetIdle() {
        long now = System.currentTimeMillis();
        windows.keySet().forEach(tenant -> windows.computeIfPresent(tenant,
                (key, tenantWindow) -> tenantWindow.isIdle(now) ? null : tenantWindow));
    }

    @Override
    public void start() {
        syncing = Flux.interval(syncInterval, syncInterval)
                .onBackpressureDrop()
                .concatMap(tick -> sync(), 1)
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

    /** One tenant's current window as this instance sees it. */
    private final class TenantWindow {

        /** Requests counted here and on their way to Redis, in the window of that {@code generation}. */
        record Handover(int count, long generation) {
        }

        private long generation;
        private long endsAtMillis;
        /** The tenant's count as Redis last reported it, plus what this instance has handed over since. */
        private long synced;
        /** Requests this instance admitted and has not handed over yet. */
        private int unsynced;

        synchronized Decision acquire(long now) {
            if (now >= endsAtMillis) {
                generation++;
                endsAtMillis = now + window.toMillis();
                synced = 0;
                unsynced = 0;
            }
            if (synced + unsynced >= limit) {
                return Decision.refusedFor(endsAtMillis - now);
            }
            unsynced++;
            return Decision.ALLOWED;
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

        synchronized boolean isIdle(long now) {
            return now >= endsAtMillis && unsynced == 0;
        }
    }
}
