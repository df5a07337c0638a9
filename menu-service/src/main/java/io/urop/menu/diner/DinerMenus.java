package io.urop.menu.diner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.urop.menu.editing.Menus;
import io.urop.menu.image.ImageStore;
import io.urop.menu.model.MenuSnapshot;
import io.urop.menu.publishing.MenuVersions;
import io.urop.tenancy.Lookup;
import io.urop.tenancy.TenantContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live menu of a location, for diners: from the cache, else loaded (the location's menu, its published
 * version, what ran out there, the location's time zone), rendered and cached.
 */
@Service
class DinerMenus {

    /** Without dayparts nothing changes by the clock; still re-rendered daily, in case the zone's rules did. */
    private static final Duration AT_MOST = Duration.ofDays(1);

    private final PublicMenuCache cache;
    private final ImageStore images;
    private final Menus menus;
    private final MenuVersions versions;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final JsonMapper json;
    private final Clock clock;
    private final ConcurrentMap<String, CompletableFuture<Optional<CachedMenu>>> rendering = new ConcurrentHashMap<>();

    DinerMenus(PublicMenuCache cache, ImageStore images, Menus menus, MenuVersions versions, JdbcClient jdbc,
            PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        this.cache = cache;
        this.images = images;
        this.menus = menus;
        this.versions = versions;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = json;
        this.clock = clock;
    }

    /** Empty when the location serves no published menu (or is not known at all). */
    Optional<CachedMenu> menu(UUID locationId, String language) {
        Instant now = clock.instant();
        PublicMenuCache.Lookup cached = cache.get(locationId, language, now);
        if (cached.entry().isPresent()) {
            return cached.entry();
        }
        // the tables of a busy room all miss at once after a publish: one of them renders, the others wait for it
        String key = locationId + "/" + (cached.languages() == null || cached.languages().contains(language) ? language : "");
        CompletableFuture<Optional<CachedMenu>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<CachedMenu>> running = rendering.putIfAbsent(key, mine);
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
            mine.complete(rendered);
            return rendered;
        }
        catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        }
        finally {
            rendering.remove(key, mine);
        }
    }

    private Optional<CachedMenu> render(UUID locationId, String language, String generation, Instant now) {
        UUID tenantId = readOnly.execute(status -> {
            Lookup.bind(jdbc, locationId.toString());
            return jdbc.sql("select tenant_id from menu_locations where location_id = ?").param(locationId)
                    .query(UUID.class).optional().orElse(null);
        });
        if (tenantId == null) {
            return Optional.empty();
        }
        return TenantContext.callAs(tenantId, () -> readOnly.execute(status -> {
            UUID menuId = jdbc.sql("select menu_id from menu_locations where location_id = ?").param(locationId)
                    .query(UUID.class).single();
            Integer version = menus.find(menuId).orElseThrow().publishedVersion();
            if (version == null) {
                return Optional.<CachedMenu>empty();
            }
            MenuSnapshot snapshot = versions.find(menuId, version).orElseThrow();
            Set<UUID> unavailable = new HashSet<>(jdbc.sql("select target_id from unavailable where location_id = ?")
                    .param(locationId).query(UUID.class).list());
            // a location tenant-service has not announced (yet) is in UTC, and its menu kept for its table guests: a
            // missed or late event must never open a menu its owner closed
            Optional<KnownLocation> known = jdbc.sql("select time_zone, menu_access from locations where id = ?")
                    .param(locationId)
                    .query((rs, row) -> new KnownLocation(ZoneId.of(rs.getString("time_zone")),
                            MenuAudience.valueOf(rs.getString("menu_access"))))
                    .optional();
            ZoneId zone = known.map(KnownLocation::zone).orElse(ZoneId.of("UTC"));
            MenuAudience audience = known.map(KnownLocation::audience).orElse(MenuAudience.TABLE_GUESTS);
            Set<String> languages = MenuLanguages.of(snapshot);
            // a language the menu does not have reads (and is cached as) the menu's own
            String shown = languages.contains(language) ? language : "";
            String body = json.writeValueAsString(DinerMenuRenderer.render(locationId, snapshot, unavailable, shown,
                    now.atZone(zone), imageKey -> images.urls(tenantId, imageKey)));
            // re-rendered when the dayparts on change, and well before the pictures' presigned URLs expire
            Instant validUntil = DinerMenuRenderer.nextChange(snapshot, now, zone).orElse(now.plus(AT_MOST));
            Instant urlsRenewed = images.urlsValidFor().map(valid -> now.plus(valid.dividedBy(2))).orElse(validUntil);
            validUntil = urlsRenewed.isBefore(validUntil) ? urlsRenewed : validUntil;
            CachedMenu rendered = CachedMenu.of(generation, validUntil, etag(body), tenantId, audience, body);
            cache.put(locationId, shown, languages, rendered);
            return Optional.of(rendered);
        }));
    }

    private record KnownLocation(ZoneId zone, MenuAudience audience) {
    }

    private static String etag(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
