-- The tenants auth-service has heard of (from tenant.created): accounts can only belong to one of them.
create table known_tenants (
    tenant_id     uuid primary key,
    slug          text        not null,
    name          text        not null,
    registered_at timestamptz not null
);

alter table known_tenants enable row level security;
alter table known_tenants force row level security;
create policy tenant_isolation on known_tenants
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
