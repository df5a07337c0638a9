-- The tenant's locations as tenant-service announces them (tenant.location-changed), newest version kept: an order is
-- priced in the location's currency and time zone, taxed and charged for service by its settings, and enters the
-- state its payment mode decides.
create table locations (
    id                          uuid primary key,
    tenant_id                   uuid    not null,
    name                        text    not null,
    open                        boolean not null,
    currency                    text    not null,
    time_zone                   text    not null,
    tax_rate_basis_points       integer not null,
    prices_include_tax          boolean not null,
    service_charge_basis_points integer not null,
    payment_mode                text    not null,
    first_order_approval        boolean not null,
    version                     bigint  not null
);

-- What a location ran out of ("86"), from menu.availability-changed: the latest change per target wins.
create table availability (
    location_id uuid        not null,
    target_id   uuid        not null,
    tenant_id   uuid        not null,
    kind        text        not null,
    available   boolean     not null,
    changed_at  timestamptz not null,
    primary key (location_id, target_id)
);

alter table locations enable row level security;
alter table locations force row level security;
create policy tenant_isolation on locations
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table availability enable row level security;
alter table availability force row level security;
create policy tenant_isolation on availability
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
