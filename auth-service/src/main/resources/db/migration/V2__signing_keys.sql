-- The platform's access-token signing keys. Platform-wide (no tenant_id): only auth-service reads them,
-- and their private halves are stored encrypted (AES-256-GCM) under a key that is not in the database.
create table signing_keys (
    kid         text primary key,
    public_jwk  text        not null,
    private_key bytea       not null,
    created_at  timestamptz not null,
    retired_at  timestamptz
);

create unique index signing_keys_one_active on signing_keys ((true)) where retired_at is null;
