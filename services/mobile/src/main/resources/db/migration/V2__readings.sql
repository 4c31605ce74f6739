-- Remote-sensing and roadside readings. A reading is identified by plate, time and kind of check, so that a
-- redelivered message stores nothing twice and raises nothing twice.
create table reading (
    id            bigserial primary key,
    plate         text not null,
    vehicle_id    text references vehicle (id),
    at            timestamptz not null,
    lon           double precision not null,
    lat           double precision not null,
    jurisdiction  text not null,
    corps_unit    text,
    check_kind    text not null,
    opacity       double precision,
    ringelmann    double precision,
    nox           double precision,
    speed         double precision,
    acceleration  double precision,
    wind          double precision,
    received_at   timestamptz not null,
    unique (plate, at, check_kind)
);
create index reading_jurisdiction on reading (jurisdiction, at);
create index reading_vehicle on reading (vehicle_id, at);

-- Each pollutant of a reading over its limit, with the limit applied and its status (unconfirmed values).
create table reading_exceedance (
    reading_id  bigint not null references reading (id),
    plate       text not null,
    pollutant   text not null,
    value       double precision not null,
    limit_value double precision not null,
    at          timestamptz not null,
    primary key (reading_id, pollutant)
);
create index reading_exceedance_plate on reading_exceedance (plate, pollutant, at);

-- A vehicle judged a failure must be repaired: open until a passing retest after an M-station repair closes it.
create table repair_obligation (
    id            text primary key,
    vehicle_id    text not null references vehicle (id),
    plate         text not null,
    pollutant     text not null,
    failed_at     timestamptz not null,
    jurisdiction  text not null,
    corps_unit    text,
    status        text not null default 'open',
    closed_at     timestamptz
);
create unique index repair_obligation_open on repair_obligation (vehicle_id, pollutant) where status = 'open';
create index repair_obligation_jurisdiction on repair_obligation (jurisdiction, id);
