-- Staff invitations, and the audit trail of who changed what in a tenant.

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

create table audit_events (
    id          uuid primary key,
    tenant_id   uuid        not null,
    occurred_at timestamptz not null,
    -- the member who acted; null when it was someone not yet a member (accepting an invitation)
    actor       text,
    action      text        not null,
    subject     text,
    client_ip   text,
    details     jsonb       not null default '{}'
);
create index audit_events_tenant_time on audit_events (tenant_id, occurred_at desc);

alter table audit_events enable row level security;
alter table audit_events force row level security;
create policy tenant_isolation on audit_events
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
