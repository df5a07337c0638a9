package io.urop.menu.location;

import java.util.Set;

import io.urop.events.tenant.LocationChanged;
import io.urop.menu.diner.MenuAudience;
import io.urop.menu.diner.PublicMenuCache;
import io.urop.messaging.inbox.Inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps menu-service's copy of the tenant's locations (their time zone decides which dayparts are on, their menu
 * access who may read the menu), from tenant-service's {@code tenant.location-changed}: each event once, and never
 * an older state over a newer one. A location that changed has its cached public menu dropped.
 */
@Component
class LocationEventsListener {

    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final PublicMenuCache cache;

    LocationEventsListener(Inbox inbox, JdbcClient jdbc, PublicMenuCache cache) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @KafkaListener(topics = "tenant.events")
    void on(String message) {
        inbox.process(message, "menu-locations", LocationChanged.class, this::keep);
    }

    private void keep(LocationChanged location) {
        int changed = jdbc.sql("""
                insert into locations (id, tenant_id, name, time_zone, currency, open, menu_access, version)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, time_zone = excluded.time_zone,
                    currency = excluded.currency, open = excluded.open, menu_access = excluded.menu_access,
                    version = excluded.version
                where locations.version < excluded.version""")
                .params(location.locationId(), location.tenantId(), location.name(), location.timeZone(),
                        location.currency(), "OPEN".equals(location.status()),
                        MenuAudience.announced(location.menuAccess()).name(), location.version())
                .update();
        if (changed > 0) {
            cache.evictAfterCommit(Set.of(location.locationId()));
        }
    }
}
