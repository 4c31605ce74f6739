-- Registered vehicles. Current state lives in vehicle; every version of every row is also appended to
-- vehicle_history, which is never updated or deleted.
create table vehicle (
    id               text primary key,
    plate            text not null unique,
    vin              text not null unique,
    kind             text not null,
    fuel             text not null,
    emission_stage   text not null,
    certified_on     date not null,
    operating_freight boolean not null,
    owner            text not null,
    jurisdiction     text not null,
    corps_unit       text,
    status           text not null default 'registered',
    deregistered_on  date,
    version          integer not null,
    updated_at       timestamptz not null,
    updated_by       text not null
);
create index vehicle_jurisdiction on vehicle (jurisdiction, id);
create index vehicle_corps on vehicle (corps_unit) where corps_unit is not null;

create table vehicle_history (
    vehicle_id  text not null,
    version     integer not null,
    snapshot    jsonb not null,
    changed_at  timestamptz not null,
    changed_by  text not null,
    primary key (vehicle_id, version)
);
