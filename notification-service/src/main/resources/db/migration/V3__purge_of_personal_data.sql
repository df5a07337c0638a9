-- The personal data messages need is deleted across tenants once nothing can need it (io.urop.notification.purge):
-- an order's copy 30 days after it was placed and a contact 30 days after it was last given (an order's messages go
-- out within hours), the delivery log's
-- lines after 90 days, a refused recipient after a year. Only a transaction that sets app.purge = 'expired' sees and
-- deletes them, and only those; every other transaction is bound by the tenant policies as before.
create policy purge_expired on order_contacts for select
    using (nullif(current_setting('app.purge', true), '') = 'expired' and updated_at < now() - interval '30 days');
create policy purge_expired_delete on order_contacts for delete
    using (nullif(current_setting('app.purge', true), '') = 'expired' and updated_at < now() - interval '30 days');

create policy purge_expired on placed_orders for select
    using (nullif(current_setting('app.purge', true), '') = 'expired' and placed_at < now() - interval '30 days');
create policy purge_expired_delete on placed_orders for delete
    using (nullif(current_setting('app.purge', true), '') = 'expired' and placed_at < now() - interval '30 days');

create policy purge_expired on deliveries for select
    using (nullif(current_setting('app.purge', true), '') = 'expired' and created_at < now() - interval '90 days');
create policy purge_expired_delete on deliveries for delete
    using (nullif(current_setting('app.purge', true), '') = 'expired' and created_at < now() - interval '90 days');

create policy purge_expired on refused_recipients for select
    using (nullif(current_setting('app.purge', true), '') = 'expired' and refused_at < now() - interval '1 year');
create policy purge_expired_delete on refused_recipients for delete
    using (nullif(current_setting('app.purge', true), '') = 'expired' and refused_at < now() - interval '1 year');

create index order_contacts_updated on order_contacts (updated_at);
create index placed_orders_placed on placed_orders (placed_at);
create index deliveries_created on deliveries (created_at);
create index refused_recipients_refused on refused_recipients (refused_at);
