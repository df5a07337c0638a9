package io.urop.menu.location;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.urop.events.tenant.LocationChanged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tenant's locations as tenant-service announced them ({@code tenant.location-changed}), newest version kept;
 * another tenant's are not among them.
 */
@Repository
public class KnownLocations {

    private final JdbcClient jdbc;

    KnownLocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean allKnown(Set<UUID> locationIds) {
        if (locationIds.isEmpty()) {
            return true;
        }
        return jdbc.sql("select count(*) from locations where id = any(?)").param(locationIds.toArray(UUID[]::new))
                .query(Long.class).single() == locationIds.size();
    }

    public Optional<KnownLocation> find(UUID locationId) {
        return jdbc.sql("select time_zone, menu_access from locations where id = ?").param(locationId)
                .query((rs, row) -> new KnownLocation(ZoneId.of(rs.getString("time_zone")),
                        MenuAudience.valueOf(rs.getString("menu_access"))))
                .optional();
    }

    /** Keeps what was announced, unless a newer version is kept already: whether it changed anything. */
    boolean keep(LocationChanged location) {
        return jdbc.sql("""
                insert into locations (id, tenant_id, name, time_zone, currency, open, menu_access, version)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, time_zone = excluded.time_zone,
                    currency = excluded.currency, open = excluded.open, menu_access = excluded.menu_access,
                    version = excluded.version
                where locations.version < excluded.version""")
                .params(location.locationId(), location.tenantId(), location.name(), location.timeZone(),
                        location.currency(), location.status() == LocationChanged.Status.OPEN,
                        MenuAudience.announced(location.menuAccess()).name(), location.version())
                .update() > 0;
    }
}
