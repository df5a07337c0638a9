-- Pacing: how much a location's kitchen takes per 15-minute slot (aligned in the location's time zone), and what each
-- slot has taken.

-- A location's pacing as its managers set it: diners' (online) ordering paused, and caps per slot on the number of
-- diners' orders and on the prep minutes each station takes ({"grill": 50}); a null or absent cap is none.
create table pacing_settings (
    location_id                  uuid primary key,
    tenant_id                    uuid        not null,
    online_ordering_paused       boolean     not null,
    max_orders_per_slot          integer,
    max_prep_minutes_per_station jsonb       not null,
    updated_at                   timestamptz not null,
    updated_by                   text        not null
);

-- What each slot has taken: its orders, and its prep minutes per station. A diner's order adds to them only while it
-- stays within the caps, each in one statement that locks the slot's row, so that concurrent orders never overshoot;
-- a staff order adds to them uncapped.
create table slot_orders (
    location_id uuid        not null,
    slot_start  timestamptz not null,
    tenant_id   uuid        not null,
    orders      integer     not null,
    primary key (location_id, slot_start)
);

create table slot_station_minutes (
    location_id  uuid        not null,
    slot_start   timestamptz not null,
    station      text        not null,
    tenant_id    uuid        not null,
    prep_minutes integer     not null,
    primary key (location_id, slot_start, station)
);

-- What one order booked, so that cancelling or rejecting it frees exactly that. fires_at is set, to its slot's
-- start, while the tickets of an order scheduled for a later slot wait for it.
create table slot_bookings (
    order_id    uuid primary key,
    tenant_id   uuid        not null,
    location_id uuid        not null,
    slot_start  timestamptz not null,
    minutes     jsonb       not null,
    fires_at    timestamptz
);
create index slot_bookings_due on slot_bookings (fires_at) where fires_at is not null;

alter table pacing_settings enable row level security;
alter table pacing_settings force row level security;
create policy tenant_isolation on pacing_settings
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table slot_orders enable row level security;
alter table slot_orders force row level security;
create policy tenant_isolation on slot_orders
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table slot_station_minutes enable row level security;
alter table slot_station_minutes force row level security;
create policy tenant_isolation on slot_station_minutes
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table slot_bookings enable row level security;
alter table slot_bookings force row level security;
create policy tenant_isolation on slot_bookings
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- The scheduled firing (io.urop.order.pacing.ScheduledFiring) looks across tenants for the scheduled orders whose
-- slot has started, then fires each bound to its own tenant: only a transaction that sets app.pacing = 'due' sees
-- them, and only the scheduled bookings still waiting, read-only.
create policy scheduled_due on slot_bookings for select
    using (nullif(current_setting('app.pacing', true), '') = 'due' and fires_at is not null);
