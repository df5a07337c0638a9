-- The platform's fee for one restaurant, where it is not the platform's default (urop.stripe.application-fee-basis-points),
-- as a platform administrator set it.
create table application_fees (
    tenant_id    uuid primary key,
    basis_points integer     not null,
    set_by       text        not null,
    set_at       timestamptz not null
);

alter table application_fees enable row level security;
alter table application_fees force row level security;
create policy tenant_isolation on application_fees
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
