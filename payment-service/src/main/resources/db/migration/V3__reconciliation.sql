-- Reconciliation goes across tenants: only its transaction, which sets app.reconciliation = 'on', sees every tenant's
-- connected accounts and the refunds still waiting for Stripe, and only to read them.
create policy reconciliation on merchant_accounts for select
    using (nullif(current_setting('app.reconciliation', true), '') = 'on');
create policy reconciliation on refunds for select
    using (state = 'PENDING' and nullif(current_setting('app.reconciliation', true), '') = 'on');
