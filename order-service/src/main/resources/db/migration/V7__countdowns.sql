-- Limited quantities: an item counted down at a location ("12 portions of the special"). Placing an order takes its
-- portions in the placing transaction, never below zero. Each count staff set is a new one (set_id): portions given
-- back by a cancelled or rejected order or a voided line go back to the count they were taken from, and to no later
-- one, which staff counted anew.
create table countdowns (
    location_id uuid        not null,
    item_id     uuid        not null,
    tenant_id   uuid        not null,
    remaining   integer     not null check (remaining >= 0),
    set_id      uuid        not null,
    set_at      timestamptz not null,
    set_by      text        not null,
    primary key (location_id, item_id)
);

-- The portions each order line took, kept until its order is served (after that nothing gives them back).
create table countdown_takes (
    line_id     uuid primary key,
    order_id    uuid    not null,
    tenant_id   uuid    not null,
    location_id uuid    not null,
    item_id     uuid    not null,
    set_id      uuid    not null,
    quantity    integer not null
);
create index countdown_takes_order on countdown_takes (order_id);

alter table countdowns enable row level security;
alter table countdowns force row level security;
create policy tenant_isolation on countdowns
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table countdown_takes enable row level security;
alter table countdown_takes force row level security;
create policy tenant_isolation on countdown_takes
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
