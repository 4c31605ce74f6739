-- Heavy-pollution alerts as the air-quality service announced them, and sites found working against a measure.
create table emergency_alert (
    alert_id       text primary key,
    county         text not null,
    level          text not null,
    effective_from timestamptz not null,
    lifted_at      timestamptz
);
create index emergency_alert_active on emergency_alert (county) where lifted_at is null;

create table emergency_noncompliance (
    alert_id  text not null references emergency_alert (alert_id),
    site_id   text not null references site (id),
    measure   text not null,
    evidence  text not null,
    at        timestamptz not null,
    primary key (alert_id, site_id, measure, evidence)
);
