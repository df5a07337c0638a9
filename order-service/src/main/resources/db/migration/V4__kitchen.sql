alter table order_lines add column prep_minutes integer;

-- A kitchen ticket: what one station makes of one send of an order (the lines it was placed with, or an add-on), for
-- one course. HELD until it may be made (a later course, a table session awaiting staff approval), OPEN on the
-- station's screen, BUMPED when done, VOIDED when its order was cancelled or rejected.
create table kitchen_tickets (
    id               uuid primary key,
    tenant_id        uuid        not null,
    location_id      uuid        not null,
    order_id         uuid        not null references orders (id),
    station          text        not null,
    table_id         uuid,
    table_session_id uuid,
    round            integer     not null,
    course           integer     not null,
    state            text        not null,
    held_for         text,
    created_at       timestamptz not null,
    fired_at         timestamptz,
    bumped_at        timestamptz,
    bumped_by        text,
    picked_up        boolean     not null,
    version          bigint      not null
);
create index kitchen_tickets_station on kitchen_tickets (location_id, station, state, fired_at);
create index kitchen_tickets_order on kitchen_tickets (order_id);
create index kitchen_tickets_session on kitchen_tickets (table_session_id) where state = 'HELD';

-- A ticket's items: order lines, or a line's option made at another station ("also at: bar"). A voided one stays,
-- struck through.
create table ticket_items (
    ticket_id   uuid        not null references kitchen_tickets (id),
    seq         integer     not null,
    tenant_id   uuid        not null,
    line_id     uuid        not null,
    name        text        not null,
    size_name   text,
    quantity    integer     not null,
    choices     jsonb       not null,
    allergens   text[]      not null,
    note        text,
    also_for    text,
    bumped_at   timestamptz,
    voided_at   timestamptz,
    void_reason text,
    primary key (ticket_id, seq)
);

-- The tables and table sessions order-service has heard of from qr-service (table.events): a table's name for its
-- tickets, and whether staff approved a session whose orders wait for that.
create table dining_tables (
    id          uuid primary key,
    tenant_id   uuid not null,
    location_id uuid not null,
    name        text not null
);

create table approved_sessions (
    session_id  uuid primary key,
    tenant_id   uuid        not null,
    approved_at timestamptz not null
);

alter table kitchen_tickets enable row level security;
alter table kitchen_tickets force row level security;
create policy tenant_isolation on kitchen_tickets
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table ticket_items enable row level security;
alter table ticket_items force row level security;
create policy tenant_isolation on ticket_items
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table dining_tables enable row level security;
alter table dining_tables force row level security;
create policy tenant_isolation on dining_tables
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table approved_sessions enable row level security;
alter table approved_sessions force row level security;
create policy tenant_isolation on approved_sessions
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
