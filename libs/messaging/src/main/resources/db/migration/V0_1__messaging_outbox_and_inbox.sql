-- Shipped by libs/messaging and run by each service's own Flyway before its own migrations.
-- Neither table has a tenant_id: the tenant travels inside the envelope, and the relay must read
-- every tenant's events, so these tables are deliberately outside row-level security.

create table outbox (
    id              bigint generated always as identity primary key,
    event_id        uuid        not null unique,
    event_type      text        not null,
    topic           text        not null,
    message_key     text        not null,
    envelope        text        not null,
    created_at      timestamptz not null default now(),
    published_at    timestamptz,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text
);

create index outbox_unpublished on outbox (id) where published_at is null;
create index outbox_published_at on outbox (published_at) where published_at is not null;

create table inbox (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
