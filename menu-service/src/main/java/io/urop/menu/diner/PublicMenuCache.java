package io.urop.menu.diner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rendered public menus in Redis, one hash per location ({@code urop:menu:public:<location>}): a field per
 * language, and a generation that every change of the location's menu (publish, 86, another menu) bumps.
 * An entry counts only for the generation it was rendered under, and is stored only if the generation did
 * not move while it was rendered, so a reader that loaded the old menu just before a publish committed
 * cannot put it back. Entries also carry when the clock alone changes them (the next daypart boundary).
 * Redis being down costs speed, not correctness: reads go to the database.
 */
@Component
public class PublicMenuCache {

    private static final Logger log = LoggerFactory.getLogger(PublicMenuCache.class);

    static final String KEY_PREFIX = "urop:menu:public:";
    private static final String GENERATION = "generation";
    /** A backstop: a process that dies between its commit and the eviction leaves a stale menu this long at most. */
    private static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

    private static final RedisScript<Long> PUT_IF_CURRENT = RedisScript.of("""
            if (redis.call('HGET', KEYS[1], 'generation') or '0') ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1
            """, Long.class);

    private static final RedisScript<Long> BUMP = RedisScript.of("""
            local generation = redis.call('HINCRBY', KEYS[1], 'generation', 1)
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return generation
            """, Long.class);

    private final StringRedisTemplate redis;

    PublicMenuCache(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The current entry for a language if it is still valid at {@code now}, and the generation either way. */
    Lookup get(UUID location, String language, Instant now) {
        try {
            List<Object> values = redis.opsForHash().multiGet(KEY_PREFIX + location, List.of(GENERATION, field(language)));
            String generation = values.get(0) == null ? "0" : values.get(0).toString();
            return new Lookup(generation, Optional.ofNullable((String) values.get(1))
                    .map(CachedMenu::parse)
                    .filter(entry -> entry.generation().equals(generation) && entry.validUntil().isAfter(now)));
        }
        catch (RuntimeException e) {
            log.warn("Public menu cache unavailable, reading the database: {}", e.toString());
            return new Lookup(null, Optional.empty());
        }
    }

    /** Stores an entry rendered under {@code entry.generation()}, unless the menu changed meanwhile. */
    void put(UUID location, String language, CachedMenu entry) {
        if (entry.generation() == null) {
            return;
        }
        try {
            redis.execute(PUT_IF_CURRENT, List.of(KEY_PREFIX + location), entry.generation(), field(language),
                    entry.format(), Long.toString(TIME_TO_LIVE.toMillis()));
        }
        catch (RuntimeException e) {
            log.warn("Public menu cache unavailable: {}", e.toString());
        }
    }

    /** Once the current transaction commits (or now, without one), the cached menus of these locations are stale. */
    public void evictAfterCommit(Set<UUID> locations) {
        if (locations.isEmpty()) {
            return;
        }
        Set<UUID> stale = Set.copyOf(locations);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            evict(stale);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                evict(stale);
            }
        });
    }

    private void evict(Set<UUID> locations) {
        for (UUID location : locations) {
            try {
                redis.execute(BUMP, List.of(KEY_PREFIX + location), Long.toString(TIME_TO_LIVE.toMillis()));
            }
            catch (RuntimeException e) {
                log.warn("Could not drop the cached menu of location {} (stale for up to {}): {}", location,
                        TIME_TO_LIVE, e.toString());
            }
        }
    }

    private static String field(String language) {
        return "menu:" + (language.isEmpty() ? "*" : language);
    }

    record Lookup(String generation, Optional<CachedMenu> entry) {
    }
}
