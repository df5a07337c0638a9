-- An event Kafka can never take (larger than the broker accepts, say) is parked: kept with its error for an operator,
-- and no longer holding up the events committed after it.
alter table outbox add column parked_at timestamptz;

drop index outbox_unpublished;
create index outbox_unpublished on outbox (id) where published_at is null and parked_at is null;
create index outbox_parked on outbox (id) where parked_at is not null;
