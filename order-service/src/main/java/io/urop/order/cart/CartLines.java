package io.urop.order.cart;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.urop.menu.model.OptionChoice;
import io.urop.order.pricing.RequestedLine;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cart_lines table: each table session's cart, in the order the lines were added. */
@Repository
class CartLines {

    private static final TypeReference<List<OptionChoice>> CHOICES = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, table_session_id, guest_id, guest_name, item_id, size_id, quantity, choices::text as choices, note,
            course, added_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<CartLine> rows;

    CartLines(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = (rs, row) -> new CartLine(rs.getObject("id", UUID.class),
                rs.getObject("table_session_id", UUID.class), rs.getString("guest_id"), rs.getString("guest_name"),
                new RequestedLine(rs.getObject("item_id", UUID.class), rs.getObject("size_id", UUID.class),
                        rs.getInt("quantity"), json.readValue(rs.getString("choices"), CHOICES), rs.getString("note"),
                        rs.getInt("course")),
                rs.getTimestamp("added_at").toInstant());
    }

    List<CartLine> of(UUID tableSessionId) {
        return jdbc.sql("select " + COLUMNS + " from cart_lines where table_session_id = ? order by added_at, id")
                .param(tableSessionId).query(rows).list();
    }

    /** The session's lines, locked until the transaction ends: two guests sending at once send each line once. */
    List<CartLine> lockOf(UUID tableSessionId) {
        return jdbc.sql("select " + COLUMNS
                        + " from cart_lines where table_session_id = ? order by added_at, id for update")
                .param(tableSessionId).query(rows).list();
    }

    Optional<CartLine> find(UUID tableSessionId, UUID lineId) {
        return jdbc.sql("select " + COLUMNS + " from cart_lines where table_session_id = ? and id = ?")
                .params(tableSessionId, lineId).query(rows).optional();
    }

    int count(UUID tableSessionId) {
        return jdbc.sql("select count(*) from cart_lines where table_session_id = ?").param(tableSessionId)
                .query(Integer.class).single();
    }

    void add(UUID tenantId, UUID locationId, CartLine line) {
        RequestedLine requested = line.line();
        jdbc.sql("""
                insert into cart_lines (id, tenant_id, table_session_id, location_id, guest_id, guest_name, item_id,
                    size_id, quantity, choices, note, course, added_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(line.id(), tenantId, line.tableSessionId(), locationId, line.guestId(), line.guestName(),
                        requested.itemId(), requested.sizeId(), requested.quantity(),
                        json.writeValueAsString(requested.choices()), requested.note(), requested.course(),
                        Timestamp.from(line.addedAt()))
                .update();
    }

    void replace(UUID lineId, String guestName, RequestedLine requested) {
        jdbc.sql("""
                update cart_lines set guest_name = ?, item_id = ?, size_id = ?, quantity = ?, choices = ?::jsonb,
                    note = ?, course = ?
                where id = ?""")
                .params(guestName, requested.itemId(), requested.sizeId(), requested.quantity(),
                        json.writeValueAsString(requested.choices()), requested.note(), requested.course(), lineId)
                .update();
    }

    void remove(List<UUID> lineIds) {
        jdbc.sql("delete from cart_lines where id = any (?::uuid[])")
                .param(lineIds.stream().map(UUID::toString).toArray(String[]::new))
                .update();
    }

    /** A merged session's cart joins the session it was merged into. */
    void moveAll(UUID fromSessionId, UUID toSessionId) {
        jdbc.sql("update cart_lines set table_session_id = ? where table_session_id = ?")
                .params(toSessionId, fromSessionId).update();
    }
}
