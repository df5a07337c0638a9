package io.urop.order.countdown;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The countdowns and countdown_takes tables: the items counted down at each location, and the portions each order
 * line took from them. Portions are taken and given back one item at a time, in the order of the items' ids, so that
 * orders taking and giving back at once wait for each other rather than deadlock.
 */
@Repository
class Countdowns {

    private final JdbcClient jdbc;

    Countdowns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CountdownView> at(UUID locationId) {
        return jdbc.sql("""
                        select item_id, remaining, set_at, set_by from countdowns where location_id = ?
                        order by set_at, item_id""")
                .param(locationId)
                .query((rs, row) -> new CountdownView(rs.getObject("item_id", UUID.class), rs.getInt("remaining"),
                        rs.getTimestamp("set_at").toInstant(), rs.getString("set_by")))
                .list();
    }

    Optional<Integer> remaining(UUID locationId, UUID itemId) {
        return jdbc.sql("select remaining from countdowns where location_id = ? and item_id = ?")
                .params(locationId, itemId).query(Integer.class).optional();
    }

    /** Starts a new count of the item ({@code setId}); what was left of the previous one, if there was one. */
    Optional<Integer> set(UUID locationId, UUID tenantId, UUID itemId, int remaining, UUID setId, Instant at,
            String by) {
        Optional<Integer> previous = jdbc.sql("""
                        select remaining from countdowns where location_id = ? and item_id = ? for update""")
                .params(locationId, itemId).query(Integer.class).optional();
        jdbc.sql("""
                insert into countdowns (location_id, item_id, tenant_id, remaining, set_id, set_at, set_by)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (location_id, item_id) do update set remaining = excluded.remaining,
                    set_id = excluded.set_id, set_at = excluded.set_at, set_by = excluded.set_by""")
                .params(locationId, itemId, tenantId, remaining, setId, Timestamp.from(at), by)
                .update();
        return previous;
    }

    /** Whether there was a count to end; what orders took from it is given back to nothing. */
    boolean remove(UUID locationId, UUID itemId) {
        return jdbc.sql("delete from countdowns where location_id = ? and item_id = ?").params(locationId, itemId)
                .update() > 0;
    }

    /** Which of these items the location counts down. */
    Set<UUID> countedAmong(UUID locationId, Collection<UUID> itemIds) {
        return Set.copyOf(jdbc.sql("select item_id from countdowns where location_id = ? and item_id = any(?::uuid[])")
                .params(locationId, itemIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .query(UUID.class).list());
    }

    /**
     * Takes the portions, if that many are left: one statement that takes the count's row and checks what concurrent
     * orders committed, so the count never goes below zero.
     *
     * @return the count taken from and what is left of it; empty when not enough are left (or the count is gone)
     */
    Optional<Taken> take(UUID locationId, UUID itemId, int quantity) {
        return jdbc.sql("""
                        update countdowns set remaining = remaining - ?
                        where location_id = ? and item_id = ? and remaining >= ?
                        returning set_id, remaining""")
                .params(quantity, locationId, itemId, quantity)
                .query((rs, row) -> new Taken(rs.getObject("set_id", UUID.class), rs.getInt("remaining")))
                .optional();
    }

    /** Records what the line took from the count {@code setId}, to give it back if the order does not go ahead. */
    void recordTake(UUID lineId, UUID orderId, UUID tenantId, UUID locationId, UUID itemId, UUID setId, int quantity) {
        jdbc.sql("""
                insert into countdown_takes (line_id, order_id, tenant_id, location_id, item_id, set_id, quantity)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(lineId, orderId, tenantId, locationId, itemId, setId, quantity)
                .update();
    }

    /** Forgets, and returns, what the order's lines took: once only. */
    List<Take> removeTakesOfOrder(UUID orderId) {
        return jdbc.sql("""
                        delete from countdown_takes where order_id = ?
                        returning location_id, item_id, set_id, quantity""")
                .param(orderId).query(Countdowns::take).list();
    }

    /** Forgets, and returns, what the line took: once only. */
    List<Take> removeTakesOfLine(UUID lineId) {
        return jdbc.sql("""
                        delete from countdown_takes where line_id = ?
                        returning location_id, item_id, set_id, quantity""")
                .param(lineId).query(Countdowns::take).list();
    }

    /** Gives portions back to the count they were taken from; a count set anew since, or removed, gets nothing. */
    void giveBack(UUID locationId, UUID itemId, UUID setId, int quantity) {
        jdbc.sql("""
                update countdowns set remaining = remaining + ? where location_id = ? and item_id = ? and set_id = ?""")
                .params(quantity, locationId, itemId, setId)
                .update();
    }

    private static Take take(ResultSet rs, int row) throws SQLException {
        return new Take(rs.getObject("location_id", UUID.class), rs.getObject("item_id", UUID.class),
                rs.getObject("set_id", UUID.class), rs.getInt("quantity"));
    }

    /** What is left of the count {@code setId} after a take. */
    record Taken(UUID setId, int remaining) {
    }

    /** Portions taken from a count. */
    record Take(UUID locationId, UUID itemId, UUID setId, int quantity) {
    }
}
