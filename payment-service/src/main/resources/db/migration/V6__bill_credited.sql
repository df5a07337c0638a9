-- What of the bill's shares paid its tab has taken in (tab.changed's billPaid): paid is now the running count of
-- what shares paid, never reset, so that a settlement order-service has not yet taken in is neither lost nor counted
-- twice when the party orders more.
alter table table_bills add column credited bigint not null default 0;
alter table table_bills alter column credited drop default;
