-- A table session's tab: what the party ordered (total), paid, and still owes (balance), in minor units. OPEN while
-- the party orders or owes (a closed session's unpaid tab stays open), SETTLED once nothing is owed, MERGED once its
-- session was merged into another (merged_into), whose tab holds its orders then. version is the aggregate's lock.
create table tabs (
    id                 uuid primary key,
    tenant_id          uuid        not null,
    location_id        uuid        not null,
    table_session_id   uuid        not null unique,
    table_id           uuid,
    currency           text        not null,
    state              text        not null,
    total              bigint      not null,
    paid               bigint      not null,
    balance            bigint      not null,
    opened_at          timestamptz not null,
    changed_at         timestamptz not null,
    session_closed_at  timestamptz,
    settled_at         timestamptz,
    merged_into        uuid,
    merged_session_ids uuid[]      not null,
    version            bigint      not null
);
create index tabs_location_state on tabs (location_id, state, opened_at, id);

-- The orders on a tab and what each counts there: an order paid as it was placed (on_tab false) is paid, never owed.
create table tab_orders (
    tab_id    uuid        not null references tabs (id),
    seq       integer     not null,
    tenant_id uuid        not null,
    order_id  uuid        not null references orders (id),
    placed_at timestamptz not null,
    on_tab    boolean     not null,
    total     bigint      not null,
    paid      bigint      not null,
    primary key (tab_id, seq)
);
create index tab_orders_order on tab_orders (order_id);

-- Staff's list of a location's orders, newest first, filtered by state or table.
create index orders_location_state_placed on orders (location_id, state, placed_at desc);
create index orders_location_table_placed on orders (location_id, table_id, placed_at desc) where table_id is not null;

alter table tabs enable row level security;
alter table tabs force row level security;
create policy tenant_isolation on tabs
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table tab_orders enable row level security;
alter table tab_orders force row level security;
create policy tenant_isolation on tab_orders
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
