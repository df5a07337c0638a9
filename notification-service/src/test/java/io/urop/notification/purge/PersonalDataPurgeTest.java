package io.urop.notification.purge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.urop.notification.NotificationServiceTest;
import io.urop.test.Databases;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What messages no longer need is deleted across tenants, and nothing else. */
class PersonalDataPurgeTest extends NotificationServiceTest {

    private static final JdbcTemplate SUPERUSER = Databases.asSuperuser("notification");

    @Autowired
    private PersonalDataPurge purge;

    @Test
    void contactsOrdersAndLogLinesPastTheirKeepingAreDeletedForEveryTenantAndTheRestKept() {
        UUID tenant = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID old = contact(tenant, "31 days");
        UUID recent = contact(other, "29 days");
        UUID oldOrder = order(other, "31 days");
        UUID recentOrder = order(tenant, "1 day");
        UUID oldLine = delivery(tenant, "91 days");
        UUID recentLine = delivery(other, "89 days");

        assertThat(purge.purge()).isGreaterThanOrEqualTo(3);

        assertThat(count("order_contacts", "order_id", old)).isZero();
        assertThat(count("order_contacts", "order_id", recent)).isOne();
        assertThat(count("placed_orders", "order_id", oldOrder)).isZero();
        assertThat(count("placed_orders", "order_id", recentOrder)).isOne();
        assertThat(count("deliveries", "id", oldLine)).isZero();
        assertThat(count("deliveries", "id", recentLine)).isOne();
    }

    private UUID contact(UUID tenant, String age) {
        UUID order = UUID.randomUUID();
        SUPERUSER.update("""
                insert into order_contacts (id, order_id, tenant_id, email, language, updated_at)
                values (?, ?, ?, 'diner@example.com', 'en', now() - ?::interval)""", UUID.randomUUID(), order, tenant,
                age);
        return order;
    }

    private UUID order(UUID tenant, String age) {
        UUID order = UUID.randomUUID();
        SUPERUSER.update("""
                insert into placed_orders (order_id, tenant_id, location_id, channel, entry_state, currency, lines,
                                           subtotal, tax, tax_included, service_charge, total, placed_at)
                values (?, ?, ?, 'TABLE', 'PLACED', 'EUR', '[]', 0, 0, true, 0, 0, now() - ?::interval)""",
                order, tenant, UUID.randomUUID(), age);
        return order;
    }

    private UUID delivery(UUID tenant, String age) {
        UUID id = UUID.randomUUID();
        SUPERUSER.update("""
                insert into deliveries (id, tenant_id, event_id, kind, channel, recipient, status, attempts,
                                        created_at, updated_at)
                values (?, ?, ?, 'receipt', 'EMAIL', 'diner@example.com', 'SENT', 1, now() - ?::interval, now())""",
                id, tenant, UUID.randomUUID(), age);
        return id;
    }

    private int count(String table, String column, UUID id) {
        return SUPERUSER.queryForObject("select count(*) from " + table + " where " + column + " = ?", Integer.class,
                id);
    }
}
