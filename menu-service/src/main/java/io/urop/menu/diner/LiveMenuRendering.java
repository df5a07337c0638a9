package io.urop.menu.diner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.urop.menu.availability.UnavailableTargets;
import io.urop.menu.editing.Menus;
import io.urop.menu.image.ImageStore;
import io.urop.menu.location.KnownLocation;
import io.urop.menu.location.KnownLocations;
import io.urop.menu.location.MenuAudience;
import io.urop.menu.model.MenuSnapshot;
import io.urop.menu.publishing.MenuVersions;
import io.urop.tenancy.TenantContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renders a location's live menu from the database: the menu the location serves, its published version, what ran
 * out there, and the location's time zone and audience.
 */
@Component
class LiveMenuRendering {

    /** Without dayparts nothing changes by the clock; still re-rendered daily, in case the zone's rules did. */
    private static final Duration AT_MOST = Duration.ofDays(1);

    private final Menus menus;
    private final MenuVersions versions;
    private final UnavailableTargets unavailable;
    private final KnownLocations locations;
    private final ImageStore images;
    private final TransactionTemplate readOnly;
    private final JsonMapper json;

    LiveMenuRendering(Menus menus, MenuVersions versions, UnavailableTargets unavailable, KnownLocations locations,
            ImageStore images, PlatformTransactionManager transactions, JsonMapper json) {
        this.menus = menus;
        this.versions = versions;
        this.unavailable = unavailable;
        this.locations = locations;
        this.images = images;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = json;
    }

    /**
     * The menu as diners at the location see it {@code now}, under the cache's {@code generation}; empty when the
     * location serves no published menu (or is not known at all).
     */
    Optional<Rendered> render(UUID locationId, String language, String generation, Instant now) {
        UUID tenantId = readOnly.execute(status -> menus.tenantServingAt(locationId).orElse(null));
        if (tenantId == null) {
            return Optional.empty();
        }
        return TenantContext.callAs(tenantId, () -> readOnly.execute(status -> {
            UUID menuId = menus.menuServedAt(locationId).orElseThrow();
            Integer version = menus.find(menuId).orElseThrow().publishedVersion();
            if (version == null) {
                return Optional.<Rendered>empty();
            }
            MenuSnapshot snapshot = versions.find(menuId, version).orElseThrow();
            Set<UUID> ranOut = unavailable.idsAt(locationId);
            // a location tenant-service has not announced (yet) is in UTC, and its menu kept for its table guests: a
            // missed or late event must never open a menu its owner closed
            Optional<KnownLocation> known = locations.find(locationId);
            ZoneId zone = known.map(KnownLocation::zone).orElse(ZoneId.of("UTC"));
            MenuAudience audience = known.map(KnownLocation::audience).orElse(MenuAudience.TABLE_GUESTS);
            Set<String> languages = MenuLanguages.of(snapshot);
            // a language the menu does not have reads (and is cached as) the menu's own
            String shown = languages.contains(language) ? language : "";
            String body = json.writeValueAsString(DinerMenuRenderer.render(locationId, snapshot, ranOut, shown,
                    now.atZone(zone), imageKey -> images.urls(tenantId, imageKey)));
            // re-rendered when the dayparts on change, and well before the pictures' presigned URLs expire
            Instant validUntil = DinerMenuRenderer.nextChange(snapshot, now, zone).orElse(now.plus(AT_MOST));
            Instant urlsRenewed = images.urlsValidFor().map(valid -> now.plus(valid.dividedBy(2))).orElse(validUntil);
            validUntil = urlsRenewed.isBefore(validUntil) ? urlsRenewed : validUntil;
            return Optional.of(new Rendered(CachedMenu.of(generation, validUntil, etag(body), tenantId, audience, body),
                    shown, languages));
        }));
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

    /**
     * @param language  the language it is in: the one asked for, or {@code ""} for the menu's own
     * @param languages the menu's languages
     */
    record Rendered(CachedMenu menu, String language, Set<String> languages) {
    }
}
