package io.urop.notification.orders;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The contacts given for orders. */
@Repository
class OrderContacts {

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderContacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void save(UUID tenantId, OrderContact contact) {
        jdbc.sql("""
                insert into order_contacts (order_id, tenant_id, table_session_id, email, phone, language, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (order_id) do update
                    set table_session_id = excluded.table_session_id, email = excluded.email, phone = excluded.phone,
                        language = excluded.language, updated_at = excluded.updated_at""")
                .params(contact.orderId(), tenantId, contact.tableSessionId(), contact.email(), contact.phone(),
                        contact.language(), Timestamp.from(clock.instant()))
                .update();
    }

    Optional<OrderContact> find(UUID orderId) {
        return jdbc.sql("select * from order_contacts where order_id = ?").param(orderId)
                .query((row, n) -> new OrderContact(row.getObject("order_id", UUID.class),
                        row.getObject("table_session_id", UUID.class), row.getString("email"), row.getString("phone"),
                        row.getString("language")))
                .optional();
    }

    void delete(UUID orderId) {
        jdbc.sql("delete from order_contacts where order_id = ?").param(orderId).update();
    }
}
