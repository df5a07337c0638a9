package io.urop.order.menu;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.urop.menu.model.MenuSnapshot;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * order-service's copy of the tenant's published menu versions, and the version each location serves now. Every
 * version is kept: an open order names the one it was priced from.
 */
@Repository
public class MenuCopies {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MenuCopies(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Keeps the version (a redelivered one changes nothing) and makes it what its locations serve, unless they serve a
     * newer version of the same menu already.
     */
    void keep(MenuSnapshot snapshot, List<UUID> locationIds, Instant receivedAt) {
        jdbc.sql("""
                insert into menu_versions (menu_id, version, tenant_id, snapshot, received_at)
                values (?, ?, ?, ?::jsonb, ?) on conflict do nothing""")
                .params(snapshot.menuId(), snapshot.version(), snapshot.tenantId(), json.writeValueAsString(snapshot),
                        Timestamp.from(receivedAt))
                .update();
        // one statement for all of them: a chain's menu may serve thousands of locations
        jdbc.sql("""
                insert into location_menus (location_id, tenant_id, menu_id, version)
                select location, ?, ?, ? from unnest(?::uuid[]) as location
                on conflict (location_id) do update set menu_id = excluded.menu_id, version = excluded.version
                where location_menus.menu_id <> excluded.menu_id or location_menus.version < excluded.version""")
                .params(snapshot.tenantId(), snapshot.menuId(), snapshot.version(),
                        locationIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .update();
    }

    public Optional<MenuSnapshot> version(UUID menuId, int version) {
        return jdbc.sql("select snapshot::text from menu_versions where menu_id = ? and version = ?")
                .params(menuId, version).query(String.class).optional()
                .map(text -> json.readValue(text, MenuSnapshot.class));
    }

    /** Which version the location serves now, without reading the version itself. */
    public Optional<VersionRef> servedVersionAt(UUID locationId) {
        return jdbc.sql("select menu_id, version from location_menus where location_id = ?")
                .param(locationId)
                .query((rs, row) -> new VersionRef(rs.getObject("menu_id", UUID.class), rs.getInt("version")))
                .optional();
    }

    /** A published version of a menu, by its number. */
    public record VersionRef(UUID menuId, int version) {
    }

    /** The version the location serves now, if order-service has heard of one. */
    public Optional<MenuSnapshot> servedAt(UUID locationId) {
        return jdbc.sql("""
                select v.snapshot::text from location_menus l
                join menu_versions v on v.menu_id = l.menu_id and v.version = l.version
                where l.location_id = ?""")
                .param(locationId).query(String.class).optional()
                .map(text -> json.readValue(text, MenuSnapshot.class));
    }
}
