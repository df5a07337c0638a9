-- What was given back, as payment-service announces it (payment.refunded), shown on the order and on the tab:
-- an order's is its payment's running total; a tab's is what the refunds of its bill's shares gave back.
alter table orders add column refunded bigint not null default 0;
alter table orders alter column refunded drop default;
alter table tabs add column shares_refunded bigint not null default 0;
alter table tabs alter column shares_refunded drop default;
