-- Staff invitations (libs/audit ships the audit trail).

create table invitations (
    id           uuid primary key,
    tenant_id    uuid        not null,
    email        text        not null,
    role         text        not null,
    location_ids uuid[]      not null default '{}',
    invited_by   uuid        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    accepted_at  timestamptz,
    revoked_at   timestamptz
);
-- one open invitation per email and tenant
create unique index invitations_pending on invitations (tenant_id, email) where accepted_at is null and revoked_at is null;

alter table invitations enable row level security;
alter table invitations force row level security;
create policy tenant_isolation on invitations
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
