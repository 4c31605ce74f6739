-- Heavy-pollution alerts as the air-quality service announced them, and restricted trucks seen on the road meanwhile.
create table emergency_alert (
    alert_id       text primary key,
    county         text not null,
    level          text not null,
    effective_from timestamptz not null,
    lifted_at      timestamptz
);
create index emergency_alert_active on emergency_alert (county) where lifted_at is null;

create table emergency_violation (
    alert_id     text not null references emergency_alert (alert_id),
    plate        text not null,
    measure_id   text not null,
    at           timestamptz not null,
    check_kind   text not null,
    jurisdiction text not null,
    corps_unit   text,
    primary key (alert_id, plate, measure_id)
);
