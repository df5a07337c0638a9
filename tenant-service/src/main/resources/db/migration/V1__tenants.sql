create table tenants (
    id         uuid primary key,
    slug       text        not null,
    name       text        not null,
    currency   text        not null,
    time_zone  text        not null,
    created_at timestamptz not null
);

-- Slugs are unique across all tenants. The index is enforced whatever row-level security hides.
create unique index tenants_slug on tenants (slug);

-- A tenant's own row is its tenant scope.
alter table tenants enable row level security;
alter table tenants force row level security;
create policy tenant_isolation on tenants
    using (id = nullif(current_setting('app.tenant_id', true), '')::uuid);
