package io.urop.menu.diner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.GenericToStringSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;

/**
 * Rendered public menus in Redis, one hash per location ({@link PublicMenuKeys}): a field per
 * language the menu has, the list of those languages (any other is read in the menu's own language, so what
 * a client sends cannot grow the cache), and a generation that every change of the location's menu (publish,
 * 86, another menu) bumps. An entry counts only for the generation it was rendered under, and is stored only
 * if the generation did not move while it was rendered, so a reader that loaded the old menu just before a
 * publish committed cannot put it back. Entries also carry when the clock alone changes them (the next daypart
 * boundary). Redis being down, or evicting a location's menus, costs speed, not correctness: reads go to the
 * database. Every instance keeps the menus it served last in memory too ({@link RecentMenus}): an invalidation tells
 * them all.
 */
@Component
class PublicMenuCache {

    private static final Logger log = LoggerFactory.getLogger(PublicMenuCache.class);

    /** A backstop: a process that dies between its commit and the eviction leaves a stale menu this long at most. */
    private static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

    private static final RedisScript<Long> PUT_IF_CURRENT = script("public-menu-put");
    private static final RedisScript<Long> INVALIDATE = script("public-menu-invalidate");

    /** An entry is gzip, not text: the put's arguments go as bytes. */
    private static final RedisSerializer<byte[]> BYTES = RedisSerializer.byteArray();
    private static final RedisSerializer<Long> NUMBER = new GenericToStringSerializer<>(Long.class);

    private final StringRedisTemplate redis;

    PublicMenuCache(CacheRedis redis) {
        this.redis = redis.template();
    }

    /**
     * The current entry for a language, if still valid at {@code now}; and the generation and the menu's
     * languages (null until known) either way. A language the menu does not have reads its own language's entry.
     */
    Lookup get(UUID location, String language, Instant now) {
        try {
            byte[][] fields = StoredMenus.fields(language).stream().map(PublicMenuCache::utf8).toArray(byte[][]::new);
            StoredMenus stored = StoredMenus.of(redis.execute((RedisCallback<List<byte[]>>) connection -> connection
                    .hashCommands().hMGet(utf8(PublicMenuKeys.location(location)), fields)));
            return new Lookup(stored.generation(), stored.languages(), stored.entry(language)
                    .flatMap(CachedMenu::parse)
                    .filter(entry -> entry.generation().equals(stored.generation()) && entry.validUntil().isAfter(now)));
        }
        catch (DataAccessException e) {
            log.warn("Public menu cache unavailable, reading the database: {}", e.toString());
            return new Lookup(null, null, Optional.empty());
        }
    }

    /** Stores an entry rendered under {@code entry.generation()}, unless the menu changed meanwhile. */
    void put(UUID location, String language, Set<String> languages, CachedMenu entry) {
        if (entry.generation() == null) {
            return;
        }
        try {
            redis.execute(PUT_IF_CURRENT, BYTES, NUMBER, List.of(PublicMenuKeys.location(location)),
                    utf8(entry.generation()), utf8(PublicMenuKeys.menu(language)), entry.format(),
                    utf8(String.join(",", languages)), utf8(Long.toString(TIME_TO_LIVE.toMillis())));
        }
        catch (DataAccessException e) {
            log.warn("Public menu cache unavailable: {}", e.toString());
        }
    }

    /** The cached menus of these locations are stale: {@link MenuChangesListener} calls it once a change commits. */
    void evict(Set<UUID> locations) {
        for (UUID location : locations) {
            try {
                redis.execute(INVALIDATE, List.of(PublicMenuKeys.location(location)),
                        Long.toString(TIME_TO_LIVE.toMillis()), PublicMenuKeys.INVALIDATED, location.toString());
            }
            catch (DataAccessException e) {
                log.warn("Could not drop the cached menu of location {} (stale for up to {}): {}", location,
                        TIME_TO_LIVE, e.toString());
            }
        }
    }

    /** Read once into a String: a script given as a Resource checks the file's date under a lock on every call. */
    private static RedisScript<Long> script(String name) {
        return RedisScript.of(RedisScript.of(new ClassPathResource("redis/" + name + ".lua")).getScriptAsString(),
                Long.class);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** @param languages the menu's languages as last cached (primary subtags), or null if not known yet */
    record Lookup(String generation, Set<String> languages, Optional<CachedMenu> entry) {
    }
}
