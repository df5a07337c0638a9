package io.urop.order.location;

import java.sql.Timestamp;
import java.util.UUID;

import io.urop.events.payment.MerchantAccountChanged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether a restaurant takes payments online: order-service's copy of payment-service's word. Until a restaurant's
 * Stripe account is ready (or when Stripe disables it), its diners pay at the counter what they would have paid online.
 */
@Repository
public class OnlinePayments {

    private final JdbcClient jdbc;

    OnlinePayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean takenBy(UUID tenantId) {
        return jdbc.sql("select takes_payments from online_payments where tenant_id = ?").param(tenantId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** The latest word wins: an older one that arrives late changes nothing. */
    public void record(MerchantAccountChanged changed) {
        jdbc.sql("""
                insert into online_payments (tenant_id, takes_payments, changed_at) values (?, ?, ?)
                on conflict (tenant_id) do update set takes_payments = excluded.takes_payments,
                    changed_at = excluded.changed_at
                where online_payments.changed_at <= excluded.changed_at""")
                .params(changed.tenantId(), changed.takesPayments(), Timestamp.from(changed.changedAt()))
                .update();
    }
}
