package io.urop.menu.publishing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.urop.menu.model.MenuSnapshot;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The frozen versions of the tenant's menus. */
@Repository
public class MenuVersions {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MenuVersions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    int latest(UUID menuId) {
        return jdbc.sql("select coalesce(max(version), 0) from menu_versions where menu_id = ?").param(menuId)
                .query(Integer.class).single();
    }

    void insert(MenuSnapshot snapshot, String publishedBy) {
        jdbc.sql("""
                insert into menu_versions (menu_id, version, tenant_id, snapshot, published_at, published_by)
                values (?, ?, ?, ?::jsonb, ?, ?)""")
                .params(snapshot.menuId(), snapshot.version(), snapshot.tenantId(), json.writeValueAsString(snapshot),
                        Timestamp.from(snapshot.publishedAt()), publishedBy)
                .update();
    }

    public Optional<MenuSnapshot> find(UUID menuId, int version) {
        return jdbc.sql("select snapshot::text from menu_versions where menu_id = ? and version = ?")
                .params(menuId, version).query(String.class).optional()
                .map(text -> json.readValue(text, MenuSnapshot.class));
    }

    List<VersionSummary> list(UUID menuId, long offset, int limit) {
        return jdbc.sql("""
                select version, published_at, published_by from menu_versions where menu_id = ?
                order by version desc offset ? limit ?""")
                .params(menuId, offset, limit)
                .query((rs, row) -> new VersionSummary(rs.getInt("version"), rs.getTimestamp("published_at").toInstant(),
                        rs.getString("published_by")))
                .list();
    }

    long count(UUID menuId) {
        return jdbc.sql("select count(*) from menu_versions where menu_id = ?").param(menuId).query(Long.class).single();
    }

    /** Whether the version diners see of any of the tenant's menus shows the picture (earlier versions do not count). */
    boolean anyLiveShows(String imageKey) {
        return jdbc.sql("""
                select exists (select 1 from menus m join menu_versions v
                               on v.menu_id = m.id and v.version = m.published_version
                               where jsonb_path_exists(v.snapshot, '$.categories[*].items[*] ? (@.imageKey == $key)',
                                                       jsonb_build_object('key', cast(:key as text))))""")
                .param("key", imageKey).query(Boolean.class).single();
    }

    /** One published version, without its content. */
    public record VersionSummary(int version, Instant publishedAt, String publishedBy) {
    }
}
