-- Single-use password reset tokens, stored as SHA-256 hashes. Like a refresh token, a reset token is
-- presented before its tenant is known: the lookup policy lets a transaction read the row it names.
create table password_resets (
    token_hash   text primary key,
    tenant_id    uuid        not null,
    account_id   uuid        not null references accounts (id) on delete cascade,
    requested_at timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz
);
create index password_resets_account on password_resets (account_id);

alter table password_resets enable row level security;
alter table password_resets force row level security;
create policy tenant_isolation on password_resets
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy lookup_by_hash on password_resets for select
    using (token_hash = nullif(current_setting('app.lookup', true), ''));
