-- Idempotency keys are kept for a day (urop.idempotency.retention): a retry comes within minutes, and kept forever they
-- would grow the table every order writes. Only the purge's transaction, which sets app.purge = 'expired', sees the
-- keys of every tenant, to delete those past their retention.
create policy purge_expired on idempotency_keys for select
    using (nullif(current_setting('app.purge', true), '') = 'expired');
create policy purge_expired_delete on idempotency_keys for delete
    using (nullif(current_setting('app.purge', true), '') = 'expired');
