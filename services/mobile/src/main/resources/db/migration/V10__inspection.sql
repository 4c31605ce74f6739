-- Emission-inspection (I/M) stations and the tests they upload (HJ 1237/1238-2021).
create table inspection_station (
    id            text primary key,
    name          text not null,
    licence       text not null unique,
    jurisdiction  text not null,
    corps_unit    text,
    lanes         integer not null check (lanes > 0),
    updated_at    timestamptz not null,
    updated_by    text not null
);
create index inspection_station_jurisdiction on inspection_station (jurisdiction, id);

-- One uploaded test. `counts` is false for a retest of a failed vehicle that shows no M-station repair since the
-- failure (the I/M closed loop); `counts_reason` says why.
create table inspection_test (
    id             text primary key,
    station_id     text not null references inspection_station (id),
    lane           integer not null,
    plate          text not null,
    vehicle_id     text references vehicle (id),
    vin            text not null,
    gross_mass_kg  integer not null,
    fuel           text not null,
    method         text not null,
    tested_at      timestamptz not null,
    result         text not null,
    measurements   jsonb not null,
    obd_result     text not null,
    obd_cal_id     text,
    obd_cvn        text,
    process        double precision[],
    counts         boolean not null,
    counts_reason  text,
    jurisdiction   text not null,
    corps_unit     text,
    received_at    timestamptz not null
);
create index inspection_test_station on inspection_test (station_id, tested_at);
create index inspection_test_plate on inspection_test (plate, tested_at);
create index inspection_test_jurisdiction on inspection_test (jurisdiction, id);

-- A fraud signal's finding: suspected until an officer confirms or dismisses it. The id is the signal and the test
-- (or station and month) it concerns, so a finding is raised once however often the data is evaluated.
create table fraud_finding (
    id            text primary key,
    signal        text not null,
    station_id    text not null references inspection_station (id),
    test_ids      text[] not null,
    plates        text[] not null,
    summary       text not null,
    detected_at   timestamptz not null,
    status        text not null default 'suspected',
    decided_at    timestamptz,
    decided_by    text,
    decision_note text,
    jurisdiction  text not null,
    corps_unit    text
);
create index fraud_finding_station on fraud_finding (station_id, detected_at);
create index fraud_finding_jurisdiction on fraud_finding (jurisdiction, id);
