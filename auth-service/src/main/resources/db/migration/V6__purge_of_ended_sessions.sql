-- What can never be used again is deleted across tenants by the purge (io.urop.auth.purge): sessions
-- that expired or were revoked over a day ago (their refresh tokens go with them, by cascade) and
-- password resets past their expiry by a day. Only a transaction that sets app.purge = 'ended' sees
-- and deletes them, and only those; every other transaction is bound by the tenant policies as before.
create policy purge_ended on sessions for select
    using (nullif(current_setting('app.purge', true), '') = 'ended'
           and coalesce(revoked_at, expires_at) < now() - interval '1 day');
create policy purge_ended_delete on sessions for delete
    using (nullif(current_setting('app.purge', true), '') = 'ended'
           and coalesce(revoked_at, expires_at) < now() - interval '1 day');

create policy purge_ended on password_resets for select
    using (nullif(current_setting('app.purge', true), '') = 'ended' and expires_at < now() - interval '1 day');
create policy purge_ended_delete on password_resets for delete
    using (nullif(current_setting('app.purge', true), '') = 'ended' and expires_at < now() - interval '1 day');

create index sessions_ended on sessions (coalesce(revoked_at, expires_at));
create index password_resets_expires on password_resets (expires_at);
