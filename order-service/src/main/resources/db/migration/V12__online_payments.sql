-- Whether each restaurant takes payments online, as payment-service announced it (payment.merchant-account-changed).
-- A tenant without a row does not: its diners' pay-first orders are paid at the counter.
create table online_payments (
    tenant_id      uuid primary key,
    takes_payments boolean     not null,
    changed_at     timestamptz not null
);

alter table online_payments enable row level security;
alter table online_payments force row level security;
create policy tenant_isolation on online_payments
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
