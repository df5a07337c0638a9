package io.urop.qr.table;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dining_tables table; the tenant is the one bound to the transaction. */
@Repository
public class Tables {

    private static final String SELECT = """
            select id, location_id, area_id, name, seats, active, qr_version, created_at, updated_at
            from dining_tables""";

    private final JdbcClient jdbc;

    Tables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param qrKeyVersion the version of the tenant's QR key that signs the table's code */
    void insert(DiningTable table, UUID tenantId, int qrKeyVersion) {
        jdbc.sql("""
                insert into dining_tables (id, tenant_id, location_id, area_id, name, seats, active, qr_version,
                    created_at, updated_at, qr_key_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(table.id(), tenantId, table.locationId(), table.areaId(), table.name(), table.seats(),
                        table.active(), table.qrVersion(), Timestamp.from(table.createdAt()),
                        Timestamp.from(table.updatedAt()), qrKeyVersion)
                .update();
    }

    public Optional<DiningTable> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Tables::table).optional();
    }

    /** The table, locked until the transaction ends. */
    public Optional<DiningTable> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + " where id = ? for update").param(id).query(Tables::table).optional();
    }

    /** A location's tables, optionally of one area only or of one state only, by name. */
    public List<DiningTable> list(UUID locationId, UUID areaId, Boolean active, long offset, int limit) {
        return jdbc.sql(SELECT + " " + WHERE + " order by length(name), name, id offset :offset limit :limit")
                .param("location", locationId).param("area", areaId).param("active", active)
                .param("offset", offset).param("limit", limit)
                .query(Tables::table).list();
    }

    long count(UUID locationId, UUID areaId, Boolean active) {
        return jdbc.sql("select count(*) from dining_tables " + WHERE)
                .param("location", locationId).param("area", areaId).param("active", active)
                .query(Long.class).single();
    }

    private static final String WHERE = """
             where location_id = :location and (cast(:area as uuid) is null or area_id = :area)
               and (cast(:active as boolean) is null or active = :active)""";

    /** The names among these that a table of the location already has. */
    List<String> namesTaken(UUID locationId, List<String> names) {
        return jdbc.sql("select name from dining_tables where location_id = ? and name = any(?) order by name")
                .params(locationId, names.toArray(String[]::new)).query(String.class).list();
    }

    void update(UUID id, UUID areaId, String name, int seats, Instant now) {
        jdbc.sql("update dining_tables set area_id = ?, name = ?, seats = ?, updated_at = ? where id = ?")
                .params(areaId, name, seats, Timestamp.from(now), id).update();
    }

    void setActive(UUID id, boolean active, Instant now) {
        jdbc.sql("update dining_tables set active = ?, updated_at = ? where id = ?")
                .params(active, Timestamp.from(now), id).update();
    }

    /**
     * The table's next code version, signed by that key version from now on; every code of an earlier one is
     * refused from now on.
     */
    public int rotateQr(UUID id, int keyVersion, Instant now) {
        return jdbc.sql("""
                update dining_tables set qr_version = qr_version + 1, qr_key_version = ?, updated_at = ?
                where id = ? returning qr_version""")
                .params(keyVersion, Timestamp.from(now), id).query(Integer.class).single();
    }

    /** What a scan of the table's code is checked against; empty if the tenant has no such table. */
    public Optional<CodeState> codeState(UUID id) {
        return jdbc.sql("select location_id, active, qr_version, qr_key_version from dining_tables where id = ?")
                .param(id)
                .query((rs, row) -> new CodeState(id, rs.getObject("location_id", UUID.class), rs.getBoolean("active"),
                        rs.getInt("qr_version"), rs.getInt("qr_key_version")))
                .optional();
    }

    /** @param keyVersion the version of the tenant's QR key that signs the table's current codes */
    public record CodeState(UUID tableId, UUID locationId, boolean active, int qrVersion, int keyVersion) {
    }

    private static DiningTable table(ResultSet rs, int row) throws SQLException {
        return new DiningTable(rs.getObject("id", UUID.class), rs.getObject("location_id", UUID.class),
                rs.getObject("area_id", UUID.class), rs.getString("name"), rs.getInt("seats"), rs.getBoolean("active"),
                rs.getInt("qr_version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
