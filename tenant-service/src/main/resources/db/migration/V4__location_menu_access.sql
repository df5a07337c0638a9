-- Who may read a location's published menu: anyone (PUBLIC, as every location did so far) or only diners at
-- one of its tables and the tenant's staff (TABLE_GUESTS).
alter table locations
    add column menu_access text not null default 'PUBLIC' check (menu_access in ('PUBLIC', 'TABLE_GUESTS'));
