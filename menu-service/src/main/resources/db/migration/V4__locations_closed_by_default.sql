-- A location row written without its menu access (every announcement carries it) keeps its menu for table guests:
-- what menu-service does not know is never public.
alter table locations alter column menu_access set default 'TABLE_GUESTS';
