-- A tab counts its orders as they change rather than reading them all for each one: each entry is a row of its own,
-- keyed by its order (an order is on one tab at a time; a merge moves it), and the tab keeps how many it has.
alter table tabs no force row level security;
alter table tab_orders no force row level security;

alter table tabs add column order_count integer not null default 0;
update tabs t set order_count = (select count(*) from tab_orders o where o.tab_id = t.id);
alter table tabs alter column order_count drop default;

alter table tab_orders drop constraint tab_orders_pkey;
alter table tab_orders drop column seq;
drop index tab_orders_order;
alter table tab_orders add primary key (order_id);
alter table tab_orders add column version bigint not null default 0;
alter table tab_orders alter column version drop default;
create index tab_orders_tab on tab_orders (tab_id, placed_at, order_id);

alter table tabs force row level security;
alter table tab_orders force row level security;
