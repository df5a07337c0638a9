-- The shared cart of each table session: every guest's lines until they are sent as an order. Who added a line
-- (guest_id, the diner's token subject) is the only one who may change or remove it.
create table cart_lines (
    id               uuid primary key,
    tenant_id        uuid        not null,
    table_session_id uuid        not null,
    location_id      uuid        not null,
    guest_id         text        not null,
    guest_name       text,
    item_id          uuid        not null,
    size_id          uuid,
    quantity         integer     not null,
    choices          jsonb       not null,
    note             text,
    course           integer     not null,
    added_at         timestamptz not null
);
create index cart_lines_session on cart_lines (table_session_id, added_at);

-- How a location's tables send their carts: the whole table's as one order, or each guest's own.
create table ordering_settings (
    location_id     uuid primary key,
    tenant_id       uuid not null,
    cart_submission text not null
);

alter table cart_lines enable row level security;
alter table cart_lines force row level security;
create policy tenant_isolation on cart_lines
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table ordering_settings enable row level security;
alter table ordering_settings force row level security;
create policy tenant_isolation on ordering_settings
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
