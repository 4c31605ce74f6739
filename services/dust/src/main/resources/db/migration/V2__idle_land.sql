-- Idle and bare land (plan section 三.八): parcels idle more than three months get a greening, paving or covering task.
create table parcel (
    id           text primary key,
    area_m2      numeric(12, 1) not null check (area_m2 > 0),
    idle_since   date not null,
    address      text,
    lon          double precision not null,
    lat          double precision not null,
    jurisdiction text not null,
    corps_unit   text,
    status       text not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index parcel_jurisdiction on parcel (jurisdiction, id);
create index parcel_idle on parcel (idle_since) where status = 'idle';

create table idle_task (
    id           text primary key,
    parcel_id    text not null references parcel (id),
    opened_at    timestamptz not null,
    due_by       date not null,
    status       text not null,
    outcome      text,
    completed_on date,
    closed_at    timestamptz
);
create index idle_task_parcel on idle_task (parcel_id);
