package io.urop.payment.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which tenant a connected Stripe account belongs to, whichever tenant is bound: what a webhook, which names only the
 * account, is asked first. Row-level security shows the transaction the named account's row and no other.
 */
@Repository
public class AccountOwners {

    private final JdbcClient jdbc;

    AccountOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Optional<UUID> tenantOf(String stripeAccountId) {
        jdbc.sql("select set_config('app.stripe_account', ?, true)").param(stripeAccountId).query(String.class)
                .single();
        return jdbc.sql("select tenant_id from merchant_accounts where stripe_account_id = ?").param(stripeAccountId)
                .query(UUID.class).optional();
    }
}
