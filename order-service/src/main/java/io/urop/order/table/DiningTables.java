package io.urop.order.table;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.urop.events.table.TableCreated;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dining_tables table: the names of the tenant's tables, for their tickets, as qr-service announced them. */
@Repository
public class DiningTables {

    private final JdbcClient jdbc;

    DiningTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> name(UUID tableId) {
        return jdbc.sql("select name from dining_tables where id = ?").param(tableId).query(String.class).optional();
    }

    /** Every table of the location by id. */
    public Map<UUID, String> namesAt(UUID locationId) {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("select id, name from dining_tables where location_id = ?").param(locationId)
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return names;
    }

    void keep(TableCreated table) {
        jdbc.sql("""
                insert into dining_tables (id, tenant_id, location_id, name) values (?, ?, ?, ?)
                on conflict (id) do nothing""")
                .params(table.tableId(), table.tenantId(), table.locationId(), table.name())
                .update();
    }
}
