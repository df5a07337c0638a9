-- Who may read a location's published menu, as tenant-service announces it (tenant.location-changed):
-- anyone (PUBLIC) or only diners at one of its tables and the tenant's staff (TABLE_GUESTS).
alter table locations
    add column menu_access text not null default 'PUBLIC' check (menu_access in ('PUBLIC', 'TABLE_GUESTS'));
