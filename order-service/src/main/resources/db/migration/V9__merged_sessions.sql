-- Which session each merged table session went into (qr-service's table.sessions-merged): a diner still holding the
-- merged session's token orders on the session it went into.
create table merged_sessions (
    session_id  uuid primary key,
    tenant_id   uuid not null,
    merged_into uuid not null
);
create index merged_sessions_into on merged_sessions (merged_into);

alter table merged_sessions enable row level security;
alter table merged_sessions force row level security;
create policy tenant_isolation on merged_sessions
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
