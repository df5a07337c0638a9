-- Menus: the draft a tenant's staff edit is one document (the snapshot's shape, libs/menu-model), changed
-- as a whole under optimistic concurrency; publishing freezes it into a numbered, immutable version.
create table menus (
    id                uuid primary key,
    tenant_id         uuid        not null,
    name              text        not null,
    draft             jsonb       not null,
    -- bumped by every change of the draft: its ETag
    draft_revision    bigint      not null default 0,
    published_version integer,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index menus_tenant on menus (tenant_id);

create table menu_versions (
    menu_id      uuid        not null references menus (id),
    version      integer     not null,
    tenant_id    uuid        not null,
    snapshot     jsonb       not null,
    published_at timestamptz not null,
    published_by text        not null,
    primary key (menu_id, version)
);

-- Which menu a location serves (one per location; a menu may serve several locations of its tenant). Diners
-- read a location's menu before any tenant is known: the lookup policy lets a transaction read the row of
-- the one location it names.
create table menu_locations (
    location_id uuid primary key,
    tenant_id   uuid not null,
    menu_id     uuid not null references menus (id)
);
create index menu_locations_menu on menu_locations (menu_id);

-- What a location has run out of ("86"): an item or an option, until it is back. Not part of the menu:
-- it changes during service, without publishing.
create table unavailable (
    location_id uuid        not null,
    target_id   uuid        not null,
    tenant_id   uuid        not null,
    kind        text        not null check (kind in ('ITEM', 'OPTION')),
    since       timestamptz not null,
    marked_by   text        not null,
    primary key (location_id, target_id)
);

-- The tenant's locations as tenant-service announces them (tenant.location-changed), newest version kept: a
-- location's time zone decides which dayparts are on.
create table locations (
    id        uuid primary key,
    tenant_id uuid    not null,
    name      text    not null,
    time_zone text    not null,
    currency  text    not null,
    open      boolean not null,
    version   bigint  not null
);

alter table menus enable row level security;
alter table menus force row level security;
create policy tenant_isolation on menus
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table menu_versions enable row level security;
alter table menu_versions force row level security;
create policy tenant_isolation on menu_versions
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table menu_locations enable row level security;
alter table menu_locations force row level security;
create policy tenant_isolation on menu_locations
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy lookup_by_location on menu_locations for select
    using (location_id::text = nullif(current_setting('app.lookup', true), ''));

alter table unavailable enable row level security;
alter table unavailable force row level security;
create policy tenant_isolation on unavailable
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table locations enable row level security;
alter table locations force row level security;
create policy tenant_isolation on locations
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
