-- Each tenant's QR keys, a ring of numbered versions: the newest signs new and rotated codes, older ones keep
-- verifying the codes they signed. Stored encrypted (AES-256-GCM) under a key-encryption key from the environment,
-- never in the database, and apart from the table rows the codes name.
create table qr_keys (
    tenant_id  uuid        not null,
    version    integer     not null,
    sealed_key bytea       not null,
    created_at timestamptz not null,
    primary key (tenant_id, version)
);

alter table qr_keys enable row level security;
alter table qr_keys force row level security;
create policy tenant_isolation on qr_keys
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

-- Which of the tenant's QR keys signs the table's current codes (the ring's newest when it was created or rotated).
alter table dining_tables add column qr_key_version integer not null default 1;
