-- A reset gets an id, which its event carries: notification-service asks for the link by that id, and the
-- token is derived from it (never stored, never sent in an event). Rows from before get a random one.
alter table password_resets add column id uuid not null default gen_random_uuid();
alter table password_resets alter column id drop default;
create unique index password_resets_id on password_resets (id);
