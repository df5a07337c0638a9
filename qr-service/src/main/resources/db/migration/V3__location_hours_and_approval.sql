-- What a scan needs to know of a location besides whether it is open for good: its opening hours (in its own time
-- zone; none set means always serving) and whether staff approve each table session's first order.
alter table locations
    add column time_zone            text    not null default 'UTC',
    add column opening_hours        jsonb   not null default '[]',
    add column first_order_approval boolean not null default false;
