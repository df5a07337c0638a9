-- The tenant's locations as tenant-service announces them (tenant.location-changed), newest version kept: tables
-- are set up only at known locations, and a closed location's codes open no table session.
create table locations (
    id        uuid primary key,
    tenant_id uuid    not null,
    name      text    not null,
    open      boolean not null,
    version   bigint  not null
);

-- Parts of a location's room (terrace, bar, first floor): tables are grouped, listed and printed by area.
create table areas (
    id          uuid primary key,
    tenant_id   uuid        not null,
    location_id uuid        not null references locations (id),
    name        text        not null,
    created_at  timestamptz not null,
    unique (location_id, name)
);

-- The tables diners sit at. qr_version numbers the table's printed codes: a code of a lower version is revoked.
create table dining_tables (
    id          uuid primary key,
    tenant_id   uuid        not null,
    location_id uuid        not null references locations (id),
    area_id     uuid references areas (id) on delete set null,
    name        text        not null,
    seats       integer     not null check (seats between 1 and 100),
    active      boolean     not null default true,
    qr_version  integer     not null default 1,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    unique (location_id, name)
);
create index dining_tables_area on dining_tables (area_id);

alter table locations enable row level security;
alter table locations force row level security;
create policy tenant_isolation on locations
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table areas enable row level security;
alter table areas force row level security;
create policy tenant_isolation on areas
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table dining_tables enable row level security;
alter table dining_tables force row level security;
create policy tenant_isolation on dining_tables
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
