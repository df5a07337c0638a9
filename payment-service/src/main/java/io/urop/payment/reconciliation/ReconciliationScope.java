package io.urop.payment.reconciliation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reconciliation looks at across tenants: only a transaction that sets {@code app.reconciliation} sees the
 * connected accounts and the refunds still waiting for Stripe of every tenant, and nothing else of theirs.
 */
@Repository
class ReconciliationScope {

    private final JdbcClient jdbc;

    ReconciliationScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Account> accountsTakingPayments() {
        open();
        return jdbc.sql("select tenant_id, stripe_account_id from merchant_accounts where charges_enabled")
                .query((rs, row) -> new Account(rs.getObject("tenant_id", UUID.class),
                        rs.getString("stripe_account_id")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<PendingRefund> refundsPendingSince(Instant before) {
        open();
        return jdbc.sql("""
                select id, tenant_id from refunds where state = 'PENDING' and created_at < ? order by created_at""")
                .param(Timestamp.from(before))
                .query((rs, row) -> new PendingRefund(rs.getObject("id", UUID.class),
                        rs.getObject("tenant_id", UUID.class)))
                .list();
    }

    private void open() {
        jdbc.sql("select set_config('app.reconciliation', 'on', true)").query(String.class).single();
    }

    record Account(UUID tenantId, String stripeAccountId) {
    }

    record PendingRefund(UUID id, UUID tenantId) {
    }
}
