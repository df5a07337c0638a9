package io.urop.order.ordering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read side of the orders and order_lines tables that {@link Orders} keeps: a location's orders filtered and
 * paged for staff's lists, read in two statements per page (the page, then its lines) rather than an aggregate per
 * order. Within the location, filters use the indexes on {@code (location_id, state | table_id, placed_at)}.
 */
@Repository
class OrderSearch {

    private final JdbcClient jdbc;

    OrderSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The orders matching the filter, newest first, from {@code offset}, at most {@code limit}, with their lines. */
    List<OrderSummary> find(OrderFilter filter, long offset, int limit) {
        Where where = Where.of(filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        List<OrderSummary> found = jdbc.sql("""
                        select o.id, o.state, o.channel, o.settlement, o.table_id, o.table_session_id, o.currency,
                               o.total, o.note, o.placed_by, o.placed_at, o.paid_at, o.paid_with
                        from orders o
                        """ + where.sql() + """
                         order by o.placed_at desc, o.id desc
                        limit ? offset ?""")
                .params(params)
                .query((rs, row) -> summary(rs))
                .list();
        if (found.isEmpty()) {
            return found;
        }
        Map<UUID, List<OrderSummary.Item>> items = items(found.stream().map(OrderSummary::id).toList());
        return found.stream().map(order -> order.withItems(items.getOrDefault(order.id(), List.of()))).toList();
    }

    long count(OrderFilter filter) {
        Where where = Where.of(filter);
        return jdbc.sql("select count(*) from orders o " + where.sql()).params(where.params()).query(Long.class)
                .single();
    }

    private Map<UUID, List<OrderSummary.Item>> items(List<UUID> orderIds) {
        Map<UUID, List<OrderSummary.Item>> items = new HashMap<>();
        jdbc.sql("""
                select order_id, name, size_name, quantity, voided_at is not null as voided from order_lines
                where order_id = any(?::uuid[]) order by order_id, position""")
                .param(orderIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .query(rs -> {
                    items.computeIfAbsent(rs.getObject("order_id", UUID.class), order -> new ArrayList<>())
                            .add(new OrderSummary.Item(rs.getString("name"), rs.getString("size_name"),
                                    rs.getInt("quantity"), rs.getBoolean("voided")));
                });
        return items;
    }

    private static OrderSummary summary(ResultSet rs) throws SQLException {
        return new OrderSummary(rs.getObject("id", UUID.class), OrderState.valueOf(rs.getString("state")),
                Channel.valueOf(rs.getString("channel")), Settlement.valueOf(rs.getString("settlement")),
                rs.getObject("table_id", UUID.class), null, rs.getObject("table_session_id", UUID.class),
                rs.getString("currency"), rs.getLong("total"), rs.getString("note"), rs.getString("placed_by"),
                instant(rs.getTimestamp("placed_at")), instant(rs.getTimestamp("paid_at")), rs.getString("paid_with"),
                List.of());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The filter as a where clause and its parameters, in order; the text searched is matched literally. */
    private record Where(String sql, List<Object> params) {

        static Where of(OrderFilter filter) {
            StringBuilder sql = new StringBuilder("where o.location_id = ?");
            List<Object> params = new ArrayList<>(List.of(filter.locationId()));
            if (!filter.states().isEmpty()) {
                sql.append(" and o.state in (").append(String.join(", ", Collections.nCopies(filter.states().size(), "?")))
                        .append(")");
                filter.states().forEach(state -> params.add(state.name()));
            }
            if (filter.tableId() != null) {
                sql.append(" and o.table_id = ?");
                params.add(filter.tableId());
            }
            if (filter.from() != null) {
                sql.append(" and o.placed_at >= ?");
                params.add(Timestamp.from(filter.from()));
            }
            if (filter.to() != null) {
                sql.append(" and o.placed_at < ?");
                params.add(Timestamp.from(filter.to()));
            }
            if (filter.q() != null) {
                String pattern = "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                sql.append(" and (o.note ilike ? escape '\\' or exists (select 1 from order_lines l")
                        .append(" where l.order_id = o.id and l.name ilike ? escape '\\'))");
                params.add(pattern);
                params.add(pattern);
            }
            return new Where(sql.toString(), params);
        }
    }
}
