package io.urop.menu.diner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.stereotype.Component;

/**
 * The menus this instance served in the last seconds, in memory in front of {@link PublicMenuCache}: a busy dining
 * room's phones are answered from bytes ready to send, without a round trip to Redis each. A change drops a location's
 * menus here at once on the instance that made it, and on every other instance when Redis tells them
 * ({@link PublicMenuKeys#INVALIDATED}, published by the same script that moves the location's generation); should that
 * message be lost, an entry lives {@link #TIME_TO_LIVE} at most. Bounded by the bytes held, not by the count: a
 * 300-dish menu is 25 KB compressed, the demo's 1 KB.
 */
@Component
class RecentMenus implements MessageListener {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(5);

    private static final long MAX_BYTES = 32L * 1024 * 1024;

    private final Cache<Key, CachedMenu> menus = Caffeine.newBuilder()
            .expireAfterWrite(TIME_TO_LIVE)
            .maximumWeight(MAX_BYTES)
            .weigher((Key key, CachedMenu menu) -> menu.gzipped().length)
            .build();

    /** Moves on every drop, so that a menu read from Redis before a change is not kept after it. */
    private final AtomicLong drops = new AtomicLong();

    Optional<CachedMenu> get(UUID location, String language, Instant now) {
        CachedMenu menu = menus.getIfPresent(new Key(location, language));
        return menu != null && menu.validUntil().isAfter(now) ? Optional.of(menu) : Optional.empty();
    }

    /** What {@link #keep} needs to know that nothing was dropped since the menu was read. */
    long drops() {
        return drops.get();
    }

    /** Keeps a menu read from Redis, unless a change dropped menus since ({@code dropsBefore}: {@link #drops()}). */
    void keep(UUID location, String language, CachedMenu menu, long dropsBefore) {
        menus.asMap().compute(new Key(location, language),
                (key, kept) -> drops.get() == dropsBefore ? menu : kept);
    }

    void drop(Set<UUID> locations) {
        drops.incrementAndGet();
        menus.asMap().keySet().removeIf(key -> locations.contains(key.location()));
    }

    /** Another instance (or this one) changed a location's menu: its id is the message. */
    @Override
    public void onMessage(Message message, byte[] pattern) {
        try {
            drop(Set.of(UUID.fromString(new String(message.getBody(), StandardCharsets.UTF_8))));
        }
        catch (IllegalArgumentException e) {
            // not a location id: drop everything rather than keep what may be stale
            drops.incrementAndGet();
            menus.invalidateAll();
        }
    }

    private record Key(UUID location, String language) {
    }
}
