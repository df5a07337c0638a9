-- A tenant's restaurants (locations) with their settings, and the people who work there (members).

create table locations (
    id                         uuid primary key,
    tenant_id                  uuid        not null,
    name                       text        not null,
    address_line1              text        not null,
    address_line2              text,
    postal_code                text        not null,
    city                       text        not null,
    -- ISO 3166-1 alpha-2
    country                    text        not null,
    currency                   text        not null,
    time_zone                  text        not null,
    -- 1/100 of a percent: 2000 is 20 %
    tax_rate_bp                integer     not null check (tax_rate_bp between 0 and 10000),
    prices_include_tax         boolean     not null,
    service_charge_bp          integer     not null check (service_charge_bp between 0 and 10000),
    payment_mode               text        not null,
    -- [{"day": "MONDAY", "opens": "11:30", "closes": "23:00"}, ...]; closes before opens runs past midnight
    opening_hours              jsonb       not null default '[]',
    active                     boolean     not null default true,
    created_at                 timestamptz not null,
    updated_at                 timestamptz not null,
    version                    bigint      not null default 0
);
create index locations_tenant on locations (tenant_id);

alter table locations enable row level security;
alter table locations force row level security;
create policy tenant_isolation on locations
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- A member is an account of auth-service (same id) seen from its tenant: name, role, locations, status.
create table members (
    id           uuid primary key,
    tenant_id    uuid        not null,
    email        text        not null,
    display_name text        not null,
    role         text        not null,
    -- the locations the member is limited to; empty means all of the tenant's locations
    location_ids uuid[]      not null default '{}',
    active       boolean     not null default true,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint      not null default 0
);
create unique index members_email on members (tenant_id, email);

alter table members enable row level security;
alter table members force row level security;
create policy tenant_isolation on members
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
