-- Heavy-pollution alerts received from the air-quality service and the greening measures they put in force.
create table emergency_alert (
    alert_id        text primary key,
    county          text not null,
    level           text not null,
    effective_from  timestamptz not null,
    measures        text[] not null,
    lifted_at       timestamptz,
    updated_at      timestamptz not null default now()
);
create index emergency_alert_active on emergency_alert (county) where lifted_at is null;
