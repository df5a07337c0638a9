create table effects (
    event_id  uuid not null,
    tenant    text not null,
    note      text not null
);
