-- What the shares of a table's bill paid, as far as its tab has taken it in (payment-service's running count, from
-- payment.table-bill-settled): a settlement pays the tab's orders, oldest first, with what is new in it, so that an
-- order placed while the last share was being paid stays owed.
alter table tabs add column bill_paid bigint not null default 0;
alter table tabs alter column bill_paid drop default;
