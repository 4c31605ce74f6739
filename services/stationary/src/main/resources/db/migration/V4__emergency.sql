-- Emergency emission-reduction list (plan 三.十二): per enterprise, production line, process step and facility,
-- one row per measure and alert level, with expected daily reductions and what may still run during the alert.
create table emergency_measure (
    id              text primary key,
    enterprise_id   text not null references enterprise (id),
    line_id         text references facility (id),
    step_id         text references facility (id),
    facility_id     text references facility (id),
    outlet_id       text references facility (id),
    level           text not null check (level in ('yellow', 'orange', 'red')),
    measure         text not null,
    pm_kg_d         double precision not null default 0,
    so2_kg_d        double precision not null default 0,
    nox_kg_d        double precision not null default 0,
    vocs_kg_d       double precision not null default 0,
    allowed_kw      double precision,
    allowed_flow_m3h double precision,
    updated_at      timestamptz not null,
    updated_by      text not null
);
create index emergency_measure_enterprise on emergency_measure (enterprise_id, level);

-- Alerts as the air-quality service announced them; active until lifted.
create table emergency_alert (
    alert_id        text primary key,
    county          text not null,
    level           text not null,
    effective_from  timestamptz not null,
    lifted_at       timestamptz
);

-- A measure an alert activated, to be verified on site; ended when the alert is lifted or changes level.
create table verification_task (
    id              text primary key,
    alert_id        text not null references emergency_alert (alert_id),
    measure_id      text not null references emergency_measure (id),
    enterprise_id   text not null,
    level           text not null,
    status          text not null check (status in ('open', 'verified', 'ended')),
    created_at      timestamptz not null,
    ended_at        timestamptz,
    unique (alert_id, measure_id)
);
create index verification_task_open on verification_task (enterprise_id) where status = 'open';

-- 15-minute electricity use of production lines (kW mean over the quarter hour).
create table electricity_use (
    line_id         text not null,
    at              timestamptz not null,
    kw              double precision not null,
    primary key (line_id, at)
);

create table emergency_noncompliance (
    alert_id        text not null,
    line_id         text not null,
    evidence        text not null,
    at              timestamptz not null,
    observed        double precision not null,
    allowed         double precision not null,
    primary key (alert_id, line_id, evidence, at)
);
