package io.urop.notification.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.urop.events.order.OrderPlaced;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orders as placed, from {@code order.placed}, and the locations' names and time zones; each write in a
 * transaction bound to the tenant.
 */
@Repository
class PlacedOrders {

    private static final TypeReference<List<OrderPlaced.Line>> LINES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PlacedOrders(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    void keep(UUID tenantId, PlacedOrder order) {
        jdbc.sql("""
                insert into placed_orders (order_id, tenant_id, location_id, table_session_id, channel, entry_state,
                                           currency, lines, subtotal, tax, tax_included, service_charge, total,
                                           placed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(order.orderId(), tenantId, order.locationId(), order.tableSessionId(), order.channel().name(),
                        order.entryState().name(), order.currency(), json.writeValueAsString(order.lines()),
                        order.subtotal(), order.tax(), order.taxIncluded(), order.serviceCharge(), order.total(),
                        Timestamp.from(order.placedAt()))
                .update();
    }

    Optional<PlacedOrder> find(UUID orderId) {
        return jdbc.sql("select * from placed_orders where order_id = ?").param(orderId)
                .query((row, n) -> order(row)).optional();
    }

    /** Keeps a location as a {@code tenant.location-changed} event describes it, unless a newer version is kept. */
    @Transactional
    void keepLocation(UUID tenantId, UUID locationId, String name, String timeZone, long version) {
        jdbc.sql("""
                insert into locations (location_id, tenant_id, name, time_zone, version) values (?, ?, ?, ?, ?)
                on conflict (location_id) do update
                    set name = excluded.name, time_zone = excluded.time_zone, version = excluded.version
                    where locations.version < excluded.version""")
                .params(locationId, tenantId, name, timeZone, version).update();
    }

    Optional<Location> location(UUID locationId) {
        return jdbc.sql("select name, time_zone from locations where location_id = ?").param(locationId)
                .query((row, n) -> new Location(row.getString("name"), row.getString("time_zone"))).optional();
    }

    private PlacedOrder order(ResultSet row) throws SQLException {
        return new PlacedOrder(row.getObject("order_id", UUID.class), row.getObject("location_id", UUID.class),
                row.getObject("table_session_id", UUID.class), OrderPlaced.Channel.valueOf(row.getString("channel")),
                OrderPlaced.EntryState.valueOf(row.getString("entry_state")), row.getString("currency"),
                json.readValue(row.getString("lines"), LINES), row.getLong("subtotal"), row.getLong("tax"),
                row.getBoolean("tax_included"), row.getLong("service_charge"), row.getLong("total"),
                row.getTimestamp("placed_at").toInstant());
    }

    record Location(String name, String timeZone) {
    }
}
