package io.urop.menu.diner;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Service;

/** The live menu of a location, for diners: from memory, else from the cache, else rendered and cached. */
@Service
class DinerMenus {

    private final RecentMenus recent;
    private final PublicMenuCache cache;
    private final LiveMenuRendering rendering;
    private final Clock clock;
    private final ConcurrentMap<String, CompletableFuture<Optional<CachedMenu>>> inFlight = new ConcurrentHashMap<>();

    DinerMenus(RecentMenus recent, PublicMenuCache cache, LiveMenuRendering rendering, Clock clock) {
        this.recent = recent;
        this.cache = cache;
        this.rendering = rendering;
        this.clock = clock;
    }

    /** Empty when the location serves no published menu (or is not known at all). */
    Optional<CachedMenu> menu(UUID locationId, String language) {
        Instant now = clock.instant();
        Optional<CachedMenu> inMemory = recent.get(locationId, language, now);
        if (inMemory.isPresent()) {
            return inMemory;
        }
        long dropsBefore = recent.drops();
        PublicMenuCache.Lookup cached = cache.get(locationId, language, now);
        if (cached.entry().isPresent()) {
            recent.keep(locationId, language, cached.entry().get(), dropsBefore);
            return cached.entry();
        }
        // the tables of a busy room all miss at once after a publish: one of them renders, the others wait for it
        String key = locationId + "/" + (cached.languages() == null || cached.languages().contains(language) ? language : "");
        CompletableFuture<Optional<CachedMenu>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<CachedMenu>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            }
            catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        }
        try {
            Optional<CachedMenu> rendered = render(locationId, language, cached.generation(), now);
            rendered.ifPresent(menu -> recent.keep(locationId, language, menu, dropsBefore));
            mine.complete(rendered);
            return rendered;
        }
        catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        }
        finally {
            inFlight.remove(key, mine);
        }
    }

    private Optional<CachedMenu> render(UUID locationId, String language, String generation, Instant now) {
        return rendering.render(locationId, language, generation, now).map(rendered -> {
            cache.put(locationId, rendered.language(), rendered.languages(), rendered.menu());
            return rendered.menu();
        });
    }
}
