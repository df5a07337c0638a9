-- Accounts, and login sessions with their refresh-token families (libs/audit ships the audit trail).
--
-- Besides the tenant policy, accounts and refresh_tokens each have a SELECT-only "lookup" policy: a
-- login knows an email and a refresh knows a token, but not yet the tenant. The transaction binds the
-- email or the token's hash as app.lookup, reads the one row it names and learns the tenant; every
-- write then happens in a transaction bound to that tenant.

create table accounts (
    id                  uuid primary key,
    tenant_id           uuid        not null,
    -- lower-cased; unique across the platform, so a login needs no tenant
    email               text        not null,
    password_hash       text        not null,
    roles               text[]      not null,
    -- the locations the account is limited to; empty means all of the tenant's locations
    location_ids        uuid[]      not null default '{}',
    active              boolean     not null default true,
    created_at          timestamptz not null,
    password_changed_at timestamptz not null,
    constraint accounts_email_lower_case check (email = lower(email)),
    constraint accounts_have_a_role check (cardinality(roles) > 0)
);
create unique index accounts_email on accounts (email);
create index accounts_tenant on accounts (tenant_id);

alter table accounts enable row level security;
alter table accounts force row level security;
create policy tenant_isolation on accounts
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy lookup_by_email on accounts for select
    using (email = nullif(current_setting('app.lookup', true), ''));

-- One login session (the sid of its access tokens) and the family of its refresh tokens.
create table sessions (
    id             uuid primary key,
    tenant_id      uuid        not null,
    account_id     uuid        not null references accounts (id) on delete cascade,
    created_at     timestamptz not null,
    expires_at     timestamptz not null,
    revoked_at     timestamptz,
    revoked_reason text,
    client_ip      text,
    user_agent     text
);
create index sessions_account on sessions (account_id) where revoked_at is null;

alter table sessions enable row level security;
alter table sessions force row level security;
create policy tenant_isolation on sessions
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- Refresh tokens are stored as SHA-256 hashes only; rotated_at marks one that has been exchanged,
-- grace_used_at the one more exchange a rotated token gets within the reuse grace (two tabs at once).
create table refresh_tokens (
    token_hash    text primary key,
    tenant_id     uuid        not null,
    session_id    uuid        not null references sessions (id) on delete cascade,
    issued_at     timestamptz not null,
    expires_at    timestamptz not null,
    rotated_at    timestamptz,
    grace_used_at timestamptz
);
create index refresh_tokens_session on refresh_tokens (session_id);

alter table refresh_tokens enable row level security;
alter table refresh_tokens force row level security;
create policy tenant_isolation on refresh_tokens
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy lookup_by_hash on refresh_tokens for select
    using (token_hash = nullif(current_setting('app.lookup', true), ''));
