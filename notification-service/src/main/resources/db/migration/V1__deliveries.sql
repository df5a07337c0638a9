-- Every email and SMS the service tried to send, one row a message (an event's, to one recipient on one channel):
-- SENT, FAILED (its event is retried with back-off, then parked on the topic's .DLT), REFUSED (the server refused the
-- recipient for good), BOUNCED (sent, then reported failed for good) or SUPPRESSED (not sent: the recipient was
-- refused before).
create table deliveries (
    id          uuid        primary key,
    tenant_id   uuid        not null,
    event_id    uuid        not null,
    kind        text        not null,
    channel     text        not null,
    recipient   text        not null,
    status      text        not null,
    attempts    integer     not null,
    last_error  text,
    provider_id text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    unique (event_id, channel, recipient)
);
create index deliveries_newest on deliveries (tenant_id, created_at desc);

-- Addresses and numbers a server refused for good (no such mailbox, not a mobile number, unsubscribed): never tried
-- again for the tenant whose message was refused.
create table refused_recipients (
    tenant_id  uuid        not null,
    channel    text        not null,
    recipient  text        not null,
    reason     text        not null,
    refused_at timestamptz not null,
    primary key (tenant_id, channel, recipient)
);

alter table deliveries enable row level security;
alter table deliveries force row level security;
create policy tenant_isolation on deliveries
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

alter table refused_recipients enable row level security;
alter table refused_recipients force row level security;
create policy tenant_isolation on refused_recipients
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
