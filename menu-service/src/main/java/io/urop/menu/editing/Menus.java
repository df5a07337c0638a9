package io.urop.menu.editing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.urop.tenancy.Lookup;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The menus table and the locations each menu serves ({@code menu_locations}); the tenant is the one bound to the
 * transaction.
 */
@Repository
public class Menus {

    private static final String SELECT = """
            select m.id, m.tenant_id, m.name, m.draft_revision, m.published_version, m.created_at, m.updated_at,
                   array(select l.location_id from menu_locations l where l.menu_id = m.id) as location_ids
            from menus m""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Menus(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Menu menu, MenuDraft draft) {
        jdbc.sql("""
                insert into menus (id, tenant_id, name, draft, created_at, updated_at)
                values (?, ?, ?, ?::jsonb, ?, ?)""")
                .params(menu.id(), menu.tenantId(), menu.name(), json.writeValueAsString(draft),
                        Timestamp.from(menu.createdAt()), Timestamp.from(menu.updatedAt()))
                .update();
    }

    public Optional<Menu> find(UUID id) {
        return jdbc.sql(SELECT + " where m.id = ?").param(id).query(Menus::menu).optional();
    }

    /** The menu, locked until the transaction ends: publishing and saving the draft take turns. */
    public Optional<Menu> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + " where m.id = ? for update of m").param(id).query(Menus::menu).optional();
    }

    List<Menu> list(long offset, int limit) {
        return jdbc.sql(SELECT + " order by m.created_at, m.id offset ? limit ?").params(offset, limit)
                .query(Menus::menu).list();
    }

    long count() {
        return jdbc.sql("select count(*) from menus").query(Long.class).single();
    }

    public MenuDraft draft(UUID id) {
        return json.readValue(jdbc.sql("select draft::text from menus where id = ?").param(id).query(String.class)
                .single(), MenuDraft.class);
    }

    /** Replaces the draft if its revision is still {@code expectedRevision}; the new revision, or empty. */
    public Optional<Long> saveDraft(UUID id, MenuDraft draft, long expectedRevision, Instant now) {
        return jdbc.sql("""
                update menus set draft = ?::jsonb, draft_revision = draft_revision + 1, updated_at = ?
                where id = ? and draft_revision = ? returning draft_revision""")
                .params(json.writeValueAsString(draft), Timestamp.from(now), id, expectedRevision)
                .query(Long.class).optional();
    }

    void rename(UUID id, String name, Instant now) {
        jdbc.sql("update menus set name = ?, updated_at = ? where id = ?").params(name, Timestamp.from(now), id).update();
    }

    public void markPublished(UUID id, int version, Instant now) {
        jdbc.sql("update menus set published_version = ?, updated_at = ? where id = ?")
                .params(version, Timestamp.from(now), id).update();
    }

    /**
     * The menu is served at exactly these locations from now on; a location served another menu of the
     * tenant switches to this one. Returns every location whose menu changed (the caches to drop).
     */
    Set<UUID> serveAt(UUID menuId, UUID tenantId, Set<UUID> locationIds) {
        Set<UUID> changed = new HashSet<>(jdbc.sql("delete from menu_locations where menu_id = ? returning location_id")
                .param(menuId).query(UUID.class).list());
        for (UUID location : locationIds) {
            jdbc.sql("""
                    insert into menu_locations (location_id, tenant_id, menu_id) values (?, ?, ?)
                    on conflict (location_id) do update set menu_id = excluded.menu_id""")
                    .params(location, tenantId, menuId).update();
            changed.add(location);
        }
        return changed;
    }

    /** The menu the location serves, if any. */
    public Optional<UUID> menuServedAt(UUID locationId) {
        return jdbc.sql("select menu_id from menu_locations where location_id = ?").param(locationId)
                .query(UUID.class).optional();
    }

    /**
     * The tenant whose menu the location serves, read before any tenant is bound (the lookup policy lets the
     * transaction read that one location's row).
     */
    public Optional<UUID> tenantServingAt(UUID locationId) {
        Lookup.bind(jdbc, locationId.toString());
        return jdbc.sql("select tenant_id from menu_locations where location_id = ?").param(locationId)
                .query(UUID.class).optional();
    }

    /** Whether any of the tenant's drafts shows the picture. */
    boolean anyDraftShows(String imageKey) {
        return jdbc.sql("""
                select exists (select 1 from menus
                               where jsonb_path_exists(draft, '$.categories[*].items[*] ? (@.imageKey == $key)',
                                                       jsonb_build_object('key', cast(:key as text))))""")
                .param("key", imageKey).query(Boolean.class).single();
    }

    private static Menu menu(ResultSet rs, int row) throws SQLException {
        UUID[] locations = (UUID[]) rs.getArray("location_ids").getArray();
        return new Menu(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("name"),
                Set.copyOf(Arrays.asList(locations)), rs.getLong("draft_revision"),
                rs.getObject("published_version", Integer.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
