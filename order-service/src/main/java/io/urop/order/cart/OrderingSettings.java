package io.urop.order.cart;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ordering_settings table: how each location's tables send their carts; the whole table's by default. */
@Repository
class OrderingSettings {

    private final JdbcClient jdbc;

    OrderingSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CartSubmission cartSubmission(UUID locationId) {
        return jdbc.sql("select cart_submission from ordering_settings where location_id = ?").param(locationId)
                .query(String.class).optional().map(CartSubmission::valueOf).orElse(CartSubmission.TABLE);
    }

    void save(UUID tenantId, UUID locationId, CartSubmission submission) {
        jdbc.sql("""
                insert into ordering_settings (location_id, tenant_id, cart_submission) values (?, ?, ?)
                on conflict (location_id) do update set cart_submission = excluded.cart_submission""")
                .params(locationId, tenantId, submission.name())
                .update();
    }
}
