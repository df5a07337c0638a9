-- A refund the restaurant made in its own Stripe Dashboard is recorded once, by Stripe's id, however often a webhook
-- or reconciliation tells of it.
create unique index refunds_stripe_refund_id on refunds (stripe_refund_id) where stripe_refund_id is not null;
