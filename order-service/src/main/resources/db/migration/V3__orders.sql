-- Orders, priced by order-service from its own copy of the menu version named here, with the location's tax and
-- service charge as they were when placed. version is the optimistic lock of the order aggregate.
create table orders (
    id                          uuid primary key,
    tenant_id                   uuid        not null,
    location_id                 uuid        not null,
    channel                     text        not null,
    table_id                    uuid,
    table_session_id            uuid,
    state                       text        not null,
    settlement                  text        not null,
    menu_id                     uuid        not null,
    menu_version                integer     not null,
    currency                    text        not null,
    tax_rate_basis_points       integer     not null,
    prices_include_tax          boolean     not null,
    service_charge_basis_points integer     not null,
    subtotal                    bigint      not null,
    tax                         bigint      not null,
    service_charge              bigint      not null,
    total                       bigint      not null,
    note                        text,
    placed_by                   text        not null,
    placed_at                   timestamptz not null,
    paid_at                     timestamptz,
    paid_with                   text,
    version                     bigint      not null,
    foreign key (menu_id, menu_version) references menu_versions (menu_id, version)
);
create index orders_location_placed on orders (location_id, placed_at desc);
create index orders_session on orders (table_session_id) where table_session_id is not null;

-- An order's lines, frozen as priced; a voided line stays (struck through) and is no longer charged.
create table order_lines (
    id          uuid primary key,
    order_id    uuid        not null references orders (id),
    tenant_id   uuid        not null,
    position    integer     not null,
    round       integer     not null,
    item_id     uuid        not null,
    size_id     uuid,
    name        text        not null,
    size_name   text,
    station     text        not null,
    quantity    integer     not null,
    unit_price  bigint      not null,
    total       bigint      not null,
    tax         bigint      not null,
    choices     jsonb       not null,
    allergens   text[]      not null,
    note        text,
    course      integer     not null,
    added_by    text        not null,
    voided_at   timestamptz,
    voided_by   text,
    void_reason text,
    unique (order_id, position)
);

-- Every transition of every order: who, when, from which state to which, and why.
create table order_transitions (
    order_id   uuid        not null references orders (id),
    seq        integer     not null,
    tenant_id  uuid        not null,
    from_state text,
    to_state   text        not null,
    by_subject text        not null,
    by_role    text        not null,
    reason     text,
    at         timestamptz not null,
    primary key (order_id, seq)
);

-- The Idempotency-Key of each creating POST, per caller: a repeated key returns what the first request created.
create table idempotency_keys (
    tenant_id   uuid        not null,
    caller      text        not null,
    key         text        not null,
    fingerprint text        not null,
    resource_id uuid        not null,
    created_at  timestamptz not null,
    primary key (tenant_id, caller, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);

alter table orders enable row level security;
alter table orders force row level security;
create policy tenant_isolation on orders
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table order_lines enable row level security;
alter table order_lines force row level security;
create policy tenant_isolation on order_lines
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table order_transitions enable row level security;
alter table order_transitions force row level security;
create policy tenant_isolation on order_transitions
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table idempotency_keys enable row level security;
alter table idempotency_keys force row level security;
create policy tenant_isolation on idempotency_keys
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
