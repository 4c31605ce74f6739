-- Permitted enterprises as the stationary service publishes them (permit events): a local projection, so campaigns
-- can give teams inspection tasks for the enterprises of their target, not only for its open cases.
create table registry_enterprise (
    enterprise_id  text        primary key,
    name           text,
    permit_number  text        not null,
    permit_status  text        not null,
    jurisdiction   text        not null,
    corps_unit     text,
    as_of          timestamptz not null,
    event_id       text        not null
);
create index registry_enterprise_place on registry_enterprise (jurisdiction, corps_unit);

-- A campaign task inspects either an open case or a registered enterprise.
alter table campaign_task alter column case_id drop not null;
alter table campaign_task add column enterprise_id text;
alter table campaign_task add constraint campaign_task_subject check (case_id is not null or enterprise_id is not null);
create unique index campaign_task_enterprise on campaign_task (campaign_id, enterprise_id) where case_id is null;
