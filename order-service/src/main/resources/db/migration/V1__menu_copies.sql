-- order-service's own copy of every published menu version, from menu.published: orders are priced from it, so
-- ordering works while menu-service is down, and an order keeps the version it was priced from.
create table menu_versions (
    menu_id     uuid        not null,
    version     integer     not null,
    tenant_id   uuid        not null,
    snapshot    jsonb       not null,
    received_at timestamptz not null,
    primary key (menu_id, version)
);
create index menu_versions_tenant on menu_versions (tenant_id);

-- The menu version each location serves now: the newest published version of the menu that last named it.
create table location_menus (
    location_id uuid    primary key,
    tenant_id   uuid    not null,
    menu_id     uuid    not null,
    version     integer not null
);

alter table menu_versions enable row level security;
alter table menu_versions force row level security;
create policy tenant_isolation on menu_versions
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table location_menus enable row level security;
alter table location_menus force row level security;
create policy tenant_isolation on location_menus
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
