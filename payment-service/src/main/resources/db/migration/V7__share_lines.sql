-- A share paid by items names the lines of the tab it pays (order-service's line ids): while it is due, open or paid
-- no other share may take them. Shares are taken under their bill's lock, so no constraint is needed across rows.
alter table payments add column share_line_ids uuid[] not null default '{}';
alter table payments alter column share_line_ids drop default;
