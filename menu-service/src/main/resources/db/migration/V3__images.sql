-- The dish pictures uploaded by each tenant (their renditions are S3 objects <tenant>/<id>/<width>.jpg): a draft
-- may only name one of these, and one is deleted only while no draft and no live version names it.
create table images (
    id          uuid primary key,
    tenant_id   uuid        not null,
    uploaded_at timestamptz not null,
    uploaded_by text        not null
);
create index images_tenant on images (tenant_id);

alter table images enable row level security;
alter table images force row level security;
create policy tenant_isolation on images
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
