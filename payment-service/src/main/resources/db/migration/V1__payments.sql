-- Each restaurant's own Stripe account (Connect): its diners' payments are direct charges on it, so the restaurant
-- is the merchant of record. Its state is Stripe's, as account.updated last told it.
create table merchant_accounts (
    tenant_id          uuid primary key,
    stripe_account_id  text        not null unique,
    charges_enabled    boolean     not null,
    payouts_enabled    boolean     not null,
    details_submitted  boolean     not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint      not null
);

-- A payment a diner makes: an order paid as it is placed (order_id), through a Stripe Checkout Session on the
-- restaurant's account. amount is what is owed, tip what the diner adds, both in minor units of currency. The
-- checkout being opened (checkout_number, its tip and expiry) is written before Stripe is called, so that a retry
-- sends Stripe the same request under the same idempotency key and gets the same session back.
create table payments (
    id                   uuid primary key,
    tenant_id            uuid        not null,
    location_id          uuid        not null,
    order_id             uuid unique,
    table_session_id     uuid,
    state                text        not null,
    currency             text        not null,
    amount               bigint      not null,
    tip                  bigint      not null,
    application_fee      bigint      not null,
    stripe_account_id    text,
    checkout_number      integer     not null,
    checkout_expires_at  timestamptz,
    checkout_session_id  text unique,
    checkout_url         text,
    payment_intent_id    text,
    created_at           timestamptz not null,
    changed_at           timestamptz not null,
    succeeded_at         timestamptz,
    version              bigint      not null
);
create index payments_location_created on payments (location_id, created_at desc);

-- Stripe events already handled (Stripe delivers at least once): the id is claimed in the transaction that applies
-- the event. Ids only, no tenant's data.
create table stripe_events (
    event_id    text primary key,
    type        text        not null,
    account     text,
    received_at timestamptz not null
);

alter table merchant_accounts enable row level security;
alter table merchant_accounts force row level security;
create policy tenant_isolation on merchant_accounts
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
-- A webhook names a Stripe account before any tenant is known: the transaction that sets app.stripe_account to that
-- account sees that one account's row, to learn its tenant, and no other.
create policy webhook_account_lookup on merchant_accounts for select
    using (stripe_account_id = nullif(current_setting('app.stripe_account', true), ''));

alter table payments enable row level security;
alter table payments force row level security;
create policy tenant_isolation on payments
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- What a payment pays for, line by line, as Stripe's page shows it.
create table payment_lines (
    payment_id  uuid    not null references payments (id),
    seq         integer not null,
    tenant_id   uuid    not null,
    name        text    not null,
    quantity    integer not null,
    unit_amount bigint  not null,
    primary key (payment_id, seq)
);

alter table payment_lines enable row level security;
alter table payment_lines force row level security;
create policy tenant_isolation on payment_lines
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
