-- Shipped by libs/audit and run by the Flyway of each service that keeps an audit trail.
create table audit_events (
    id          uuid primary key,
    tenant_id   uuid        not null,
    occurred_at timestamptz not null,
    -- who acted: an account, a service client; null when nobody was signed in (a failed login)
    actor       text,
    action      text        not null,
    -- what it was about: an account, a session, an invitation
    subject     text,
    client_ip   text,
    details     jsonb       not null default '{}'
);
create index audit_events_tenant_time on audit_events (tenant_id, occurred_at desc, id desc);

alter table audit_events enable row level security;
alter table audit_events force row level security;
create policy tenant_isolation on audit_events
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
