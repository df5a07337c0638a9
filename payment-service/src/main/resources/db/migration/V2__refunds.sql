-- What a payment captured and what of it went back. paid_total is what its diners paid (tip included): one checkout
-- session, or more should an earlier one be paid too (paid_sessions); refunded what was refunded; refund_pending what
-- refunds asked of Stripe and not yet answered hold back, so that two managers refunding at once can never refund
-- more than was captured.
alter table payments add column paid_sessions text[] not null default '{}';
alter table payments alter column paid_sessions drop default;
alter table payments add column paid_total bigint not null default 0;
alter table payments add column refunded bigint not null default 0;
alter table payments add column refund_pending bigint not null default 0;
alter table payments alter column paid_total drop default;
alter table payments alter column refunded drop default;
alter table payments alter column refund_pending drop default;

-- A refund of (part of) a payment: asked by a manager (requested_by, with a reason, under the caller's
-- Idempotency-Key), or made by payment-service itself for a payment that came in after its order was cancelled.
-- Written PENDING before Stripe is asked, under the idempotency key refund-<id>, so that a retry never refunds twice.
create table refunds (
    id               uuid primary key,
    tenant_id        uuid        not null,
    payment_id       uuid        not null references payments (id),
    payment_intent   text        not null,
    amount           bigint      not null,
    reason           text        not null,
    requested_by     text        not null,
    idempotency_key  text,
    automatic        boolean     not null,
    state            text        not null,
    stripe_refund_id text,
    failure          text,
    created_at       timestamptz not null,
    settled_at       timestamptz,
    version          bigint      not null,
    unique (payment_id, idempotency_key)
);
create index refunds_pending on refunds (created_at) where state = 'PENDING';

alter table refunds enable row level security;
alter table refunds force row level security;
create policy tenant_isolation on refunds
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
