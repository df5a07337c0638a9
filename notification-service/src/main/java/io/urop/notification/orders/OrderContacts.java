package io.urop.notification.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The contacts given for orders: one per table session that gave it, and one given by staff. */
@Repository
class OrderContacts {

    private static final String GIVER = "coalesce(table_session_id, '00000000-0000-0000-0000-000000000000'::uuid)";

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderContacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void save(UUID tenantId, OrderContact contact) {
        jdbc.sql("""
                insert into order_contacts (id, order_id, tenant_id, table_session_id, email, phone, language, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, order_id, %s) do update
                    set email = excluded.email, phone = excluded.phone, language = excluded.language,
                        updated_at = excluded.updated_at""".formatted(GIVER))
                .params(UUID.randomUUID(), contact.orderId(), tenantId, contact.tableSessionId(), contact.email(),
                        contact.phone(), contact.language(), Timestamp.from(clock.instant()))
                .update();
    }

    /** The contact given from that table session (null: by staff). */
    Optional<OrderContact> givenFrom(UUID orderId, UUID tableSessionId) {
        return jdbc.sql("select * from order_contacts where order_id = ? and " + GIVER + " = coalesce(?, "
                        + "'00000000-0000-0000-0000-000000000000'::uuid)")
                .params(orderId, tableSessionId).query((row, n) -> contact(row)).optional();
    }

    /** The contact to tell about an order of that table session: its diners', or staff's, the latest given. */
    Optional<OrderContact> toTell(UUID orderId, UUID tableSessionId) {
        return jdbc.sql("""
                select * from order_contacts
                where order_id = ? and (table_session_id is null or table_session_id = ?)
                order by updated_at desc limit 1""")
                .params(orderId, tableSessionId).query((row, n) -> contact(row)).optional();
    }

    @Transactional(readOnly = true)
    boolean anyFor(UUID orderId) {
        return jdbc.sql("select count(*) from order_contacts where order_id = ?").param(orderId)
                .query(Integer.class).single() > 0;
    }

    void delete(UUID orderId, UUID tableSessionId) {
        jdbc.sql("delete from order_contacts where order_id = ? and " + GIVER + " = coalesce(?, "
                + "'00000000-0000-0000-0000-000000000000'::uuid)").params(orderId, tableSessionId).update();
    }

    private static OrderContact contact(ResultSet row) throws SQLException {
        return new OrderContact(row.getObject("order_id", UUID.class), row.getObject("table_session_id", UUID.class),
                row.getString("email"), row.getString("phone"), row.getString("language"));
    }
}
