-- Emission maintenance (M) stations and the repairs they record: a failed vehicle shows one before its retest counts.
create table repair_station (
    id            text primary key,
    name          text not null,
    licence       text not null unique,
    jurisdiction  text not null,
    corps_unit    text,
    updated_at    timestamptz not null,
    updated_by    text not null
);
create index repair_station_jurisdiction on repair_station (jurisdiction, id);

create table repair (
    id           text primary key,
    station_id   text not null references repair_station (id),
    plate        text not null,
    vehicle_id   text references vehicle (id),
    repaired_at  timestamptz not null,
    work         text not null,
    jurisdiction text not null,
    corps_unit   text,
    recorded_at  timestamptz not null,
    recorded_by  text not null
);
create index repair_plate on repair (plate, repaired_at);
create index repair_jurisdiction on repair (jurisdiction, id);

-- How a repair obligation was closed: the M-station repair and the passing retest after it.
alter table repair_obligation add column closed_by_repair text references repair (id);
alter table repair_obligation add column closed_by_test text;
