-- A table session's bill as its diners pay it in shares: what its tab owes (the tab's balance, as order-service last
-- announced it in tab.changed), what shares paid, and what shares whose checkouts are open hold back, so that shares
-- paid at the same moment can never pay more than is owed, and the bill is settled once.
create table table_bills (
    table_session_id uuid primary key,
    tenant_id        uuid        not null,
    location_id      uuid        not null,
    currency         text        not null,
    owed             bigint      not null,
    paid             bigint      not null,
    reserved         bigint      not null,
    state            text        not null,
    tab_changed_at   timestamptz not null,
    settled_at       timestamptz,
    version          bigint      not null
);

alter table table_bills enable row level security;
alter table table_bills force row level security;
create policy tenant_isolation on table_bills
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- A payment is an order's, or a share of a table session's bill (order_id null); a share is asked for once per
-- Idempotency-Key of the diner.
alter table payments add column purpose text not null default 'ORDER';
alter table payments alter column purpose drop default;
alter table payments add column share_key text;
alter table payments add constraint payments_share_key unique (table_session_id, share_key);
