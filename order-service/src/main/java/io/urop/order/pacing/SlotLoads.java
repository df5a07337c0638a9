package io.urop.order.pacing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The slot_orders, slot_station_minutes and slot_bookings tables: what each slot of a location has taken, and what
 * each order booked into which slot. Within one transaction an order books the slot's order count first and then its
 * stations in the order of their names, and frees them in the same order, so that orders booking and freeing at once
 * wait for each other rather than deadlock.
 */
@Repository
class SlotLoads {

    private static final TypeReference<Map<String, Integer>> MINUTES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SlotLoads(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Adds one order and its prep minutes per station to the slot, each only if it stays within its cap (null: no
     * cap). Each addition is one statement that takes the slot's row and checks the cap against what concurrent
     * orders committed, so the caps hold however many order at once.
     *
     * @return empty when booked; else the cap that is reached, and then some of the order may be added already: the
     *         caller must roll its transaction back
     */
    Optional<Full> book(UUID tenantId, UUID locationId, Instant slot, Map<String, Integer> minutes, Integer maxOrders,
            Map<String, Integer> maxMinutes) {
        int added = jdbc.sql("""
                insert into slot_orders (location_id, slot_start, tenant_id, orders)
                select ?, ?, ?, 1 where ?::integer is null or 1 <= ?::integer
                on conflict (location_id, slot_start) do update set orders = slot_orders.orders + 1
                where ?::integer is null or slot_orders.orders + 1 <= ?::integer""")
                .params(locationId, Timestamp.from(slot), tenantId, maxOrders, maxOrders, maxOrders, maxOrders)
                .update();
        if (added == 0) {
            return Optional.of(new Full(null));
        }
        for (Map.Entry<String, Integer> station : new TreeMap<>(minutes).entrySet()) {
            Integer cap = maxMinutes.get(station.getKey());
            added = jdbc.sql("""
                    insert into slot_station_minutes (location_id, slot_start, station, tenant_id, prep_minutes)
                    select ?, ?, ?, ?, ? where ?::integer is null or ? <= ?::integer
                    on conflict (location_id, slot_start, station) do update
                    set prep_minutes = slot_station_minutes.prep_minutes + excluded.prep_minutes
                    where ?::integer is null
                       or slot_station_minutes.prep_minutes + excluded.prep_minutes <= ?::integer""")
                    .params(locationId, Timestamp.from(slot), station.getKey(), tenantId, station.getValue(), cap,
                            station.getValue(), cap, cap, cap)
                    .update();
            if (added == 0) {
                return Optional.of(new Full(station.getKey()));
            }
        }
        return Optional.empty();
    }

    /** Keeps what the order booked; {@code firesAt} for an order whose tickets wait for its (later) slot. */
    void record(UUID orderId, UUID tenantId, UUID locationId, Instant slot, Map<String, Integer> minutes,
            Instant firesAt) {
        jdbc.sql("""
                insert into slot_bookings (order_id, tenant_id, location_id, slot_start, minutes, fires_at)
                values (?, ?, ?, ?, ?::jsonb, ?)""")
                .params(orderId, tenantId, locationId, Timestamp.from(slot), json.writeValueAsString(minutes),
                        firesAt == null ? null : Timestamp.from(firesAt))
                .update();
    }

    /** Frees what the order booked, once: a second call finds nothing left to free. */
    void release(UUID orderId) {
        jdbc.sql("delete from slot_bookings where order_id = ? returning location_id, slot_start, minutes::text")
                .param(orderId)
                .query((rs, row) -> new Booked(rs.getObject("location_id", UUID.class),
                        rs.getTimestamp("slot_start"), json.readValue(rs.getString("minutes"), MINUTES)))
                .optional()
                .ifPresent(booked -> {
                    jdbc.sql("update slot_orders set orders = orders - 1 where location_id = ? and slot_start = ?")
                            .params(booked.locationId(), booked.slot()).update();
                    new TreeMap<>(booked.minutes()).forEach((station, minutes) -> jdbc.sql("""
                            update slot_station_minutes set prep_minutes = prep_minutes - ?
                            where location_id = ? and slot_start = ? and station = ?""")
                            .params(minutes, booked.locationId(), booked.slot(), station).update());
                });
    }

    /** What the location's slots starting from {@code first} to {@code last} took, of orders and at these stations. */
    Taken between(UUID locationId, Instant first, Instant last) {
        Map<Instant, Integer> orders = new HashMap<>();
        jdbc.sql("select slot_start, orders from slot_orders where location_id = ? and slot_start between ? and ?")
                .params(locationId, Timestamp.from(first), Timestamp.from(last))
                .query(rs -> {
                    orders.put(rs.getTimestamp("slot_start").toInstant(), rs.getInt("orders"));
                });
        Map<Instant, Map<String, Integer>> minutes = new HashMap<>();
        jdbc.sql("""
                select slot_start, station, prep_minutes from slot_station_minutes
                where location_id = ? and slot_start between ? and ?""")
                .params(locationId, Timestamp.from(first), Timestamp.from(last))
                .query(rs -> {
                    minutes.computeIfAbsent(rs.getTimestamp("slot_start").toInstant(), slot -> new HashMap<>())
                            .put(rs.getString("station"), rs.getInt("prep_minutes"));
                });
        return new Taken(orders, minutes);
    }

    /** When the order's tickets are to reach the kitchen, if it was scheduled and its slot has not been fired yet. */
    Optional<Instant> firesAt(UUID orderId) {
        return jdbc.sql("select fires_at from slot_bookings where order_id = ? and fires_at is not null")
                .param(orderId).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /**
     * The scheduled orders of every tenant whose slot has started by {@code now}, earliest first. Only within a
     * transaction bound to no tenant: it shows this transaction those bookings (the {@code scheduled_due} policy),
     * and no other row.
     */
    List<Due> due(Instant now, int limit) {
        jdbc.sql("select set_config('app.pacing', 'due', true)").query().singleValue();
        return jdbc.sql("""
                        select order_id, tenant_id, fires_at from slot_bookings
                        where fires_at is not null and fires_at <= ? order by fires_at limit ?""")
                .params(Timestamp.from(now), limit)
                .query((rs, row) -> new Due(rs.getObject("order_id", UUID.class), rs.getObject("tenant_id", UUID.class),
                        rs.getTimestamp("fires_at").toInstant()))
                .list();
    }

    /** Marks the scheduled order fired, if its slot has started and no one fired it yet; whether it did. */
    boolean fired(UUID orderId, Instant now) {
        return jdbc.sql("update slot_bookings set fires_at = null where order_id = ? and fires_at <= ?")
                .params(orderId, Timestamp.from(now)).update() == 1;
    }

    /** A scheduled order whose slot has started. */
    record Due(UUID orderId, UUID tenantId, Instant slotStart) {
    }

    /** What slots took: orders and prep minutes per station, by slot start; a slot not in them took nothing. */
    record Taken(Map<Instant, Integer> orders, Map<Instant, Map<String, Integer>> minutes) {

        int ordersAt(Instant slot) {
            return orders.getOrDefault(slot, 0);
        }

        Map<String, Integer> minutesAt(Instant slot) {
            return minutes.getOrDefault(slot, Map.of());
        }
    }

    private record Booked(UUID locationId, Timestamp slot, Map<String, Integer> minutes) {
    }
}
