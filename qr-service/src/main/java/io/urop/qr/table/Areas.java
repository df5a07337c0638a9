package io.urop.qr.table;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The areas table; the tenant is the one bound to the transaction. */
@Repository
class Areas {

    private static final String SELECT = "select id, location_id, name, created_at from areas";

    private final JdbcClient jdbc;

    Areas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Area area, UUID tenantId) {
        jdbc.sql("insert into areas (id, tenant_id, location_id, name, created_at) values (?, ?, ?, ?, ?)")
                .params(area.id(), tenantId, area.locationId(), area.name(), Timestamp.from(area.createdAt()))
                .update();
    }

    Optional<Area> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Areas::area).optional();
    }

    List<Area> list(UUID locationId, long offset, int limit) {
        return jdbc.sql(SELECT + " where location_id = ? order by name, id offset ? limit ?")
                .params(locationId, offset, limit).query(Areas::area).list();
    }

    long count(UUID locationId) {
        return jdbc.sql("select count(*) from areas where location_id = ?").param(locationId).query(Long.class).single();
    }

    void rename(UUID id, String name) {
        jdbc.sql("update areas set name = ? where id = ?").params(name, id).update();
    }

    /** Removes the area; its tables stay, in no area. */
    void delete(UUID id) {
        jdbc.sql("delete from areas where id = ?").param(id).update();
    }

    private static Area area(ResultSet rs, int row) throws SQLException {
        return new Area(rs.getObject("id", UUID.class), rs.getObject("location_id", UUID.class), rs.getString("name"),
                rs.getTimestamp("created_at").toInstant());
    }
}
