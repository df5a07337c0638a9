-- Whether staff approve the first order of each table session before it reaches the kitchen, so that a prank from a
-- photographed table code cannot start cooking; off, as every location did so far.
alter table locations
    add column first_order_approval boolean not null default false;
