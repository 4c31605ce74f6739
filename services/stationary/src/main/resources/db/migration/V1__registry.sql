-- Enterprises and their facilities. Current state lives in enterprise/facility; every version of every row is
-- also appended to registry_history, which is never updated or deleted.
create table enterprise (
    id            text primary key,
    credit_code   text not null unique,
    name          text not null,
    industry      text,
    grade         text check (grade in ('A', 'B', 'C', 'D')),
    ultra_low     text not null default 'not-started',
    jurisdiction  text not null,
    corps_unit    text,
    lon           double precision not null,
    lat           double precision not null,
    version       integer not null,
    updated_at    timestamptz not null,
    updated_by    text not null
);
create index enterprise_jurisdiction on enterprise (jurisdiction);

-- One table for every kind of facility (plant, outlet, line, step, boiler, petrol-station, oil-depot, coal-dealer):
-- the kind-specific fields are a validated JSON document, the placement is in columns for filtering.
create table facility (
    id            text primary key,
    kind          text not null,
    enterprise_id text not null references enterprise (id),
    parent_id     text references facility (id),
    name          text not null,
    status        text not null default 'operating',
    jurisdiction  text not null,
    corps_unit    text,
    lon           double precision not null,
    lat           double precision not null,
    attributes    jsonb not null,
    version       integer not null,
    updated_at    timestamptz not null,
    updated_by    text not null
);
create index facility_kind_jurisdiction on facility (kind, jurisdiction, id);
create index facility_corps on facility (corps_unit) where corps_unit is not null;
create index facility_enterprise on facility (enterprise_id);

create table registry_history (
    seq           bigserial primary key,
    entity        text not null,
    entity_id     text not null,
    version       integer not null,
    snapshot      jsonb not null,
    changed_at    timestamptz not null,
    changed_by    text not null,
    unique (entity, entity_id, version)
);
