-- Where a diner (or staff, for a takeaway) asked to be told about an order: an email address, a phone number or both,
-- and the language of the messages. One per table session that gave it (none: staff), so that a contact given from
-- another table's session, before this service knew whose the order is, never takes the place of its own diners'.
create table order_contacts (
    id               uuid        primary key,
    order_id         uuid        not null,
    tenant_id        uuid        not null,
    table_session_id uuid,
    email            text,
    phone            text,
    language         text        not null,
    updated_at       timestamptz not null
);
create unique index order_contacts_one_per_giver
    on order_contacts (tenant_id, order_id, coalesce(table_session_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- The orders as placed (order.placed): what a receipt lists and who may ask for messages about them.
create table placed_orders (
    order_id         uuid        primary key,
    tenant_id        uuid        not null,
    location_id      uuid        not null,
    table_session_id uuid,
    channel          text        not null,
    entry_state      text        not null,
    currency         text        not null,
    lines            jsonb       not null,
    subtotal         bigint      not null,
    tax              bigint      not null,
    tax_included     boolean     not null,
    service_charge   bigint      not null,
    total            bigint      not null,
    placed_at        timestamptz not null
);

-- The restaurants' locations as they are now (tenant.location-changed): the name and time zone messages show.
create table locations (
    location_id uuid    primary key,
    tenant_id   uuid    not null,
    name        text    not null,
    time_zone   text    not null,
    version     bigint  not null
);

-- A tenant's own wording of a message, in one language, in place of the built-in one.
create table message_templates (
    tenant_id  uuid        not null,
    kind       text        not null,
    channel    text        not null,
    language   text        not null,
    subject    text,
    body       text        not null,
    updated_by text        not null,
    updated_at timestamptz not null,
    primary key (tenant_id, kind, channel, language)
);

alter table order_contacts enable row level security;
alter table order_contacts force row level security;
create policy tenant_isolation on order_contacts
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table placed_orders enable row level security;
alter table placed_orders force row level security;
create policy tenant_isolation on placed_orders
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table locations enable row level security;
alter table locations force row level security;
create policy tenant_isolation on locations
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table message_templates enable row level security;
alter table message_templates force row level security;
create policy tenant_isolation on message_templates
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
