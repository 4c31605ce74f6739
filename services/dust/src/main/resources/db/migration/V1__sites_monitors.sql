-- Construction sites, their six 100 % inspections, particulate monitors and readings (plan section 三.八).
create table site (
    id                    text primary key,
    project               text not null,
    builder_name          text not null,
    builder_credit_code   text not null,
    area_m2               numeric(12, 1) not null check (area_m2 > 0),
    phase                 text not null,
    planned_start         date,
    planned_end           date,
    actual_start          date,
    actual_end            date,
    address               text,
    lon                   double precision not null,
    lat                   double precision not null,
    jurisdiction          text not null,
    corps_unit            text,
    status                text not null,
    monitor_missing_since timestamptz,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);
create index site_jurisdiction on site (jurisdiction, id);
create index site_corps_unit on site (corps_unit, id) where corps_unit is not null;

create table inspection (
    id           text primary key,
    site_id      text not null references site (id),
    inspected_at timestamptz not null,
    inspector    text not null,
    items        jsonb not null,
    failed       text[] not null,
    created_at   timestamptz not null default now()
);
create index inspection_site on inspection (site_id, inspected_at desc);

create table site_monitor (
    id              text primary key,
    site_id         text not null references site (id),
    installed_on    date not null,
    last_reading_at timestamptz,
    silent_since    timestamptz,
    created_at      timestamptz not null default now()
);
create index site_monitor_site on site_monitor (site_id);

create table monitor_reading (
    monitor_id text not null references site_monitor (id),
    at         timestamptz not null,
    pm10       double precision not null,
    pm25       double precision,
    tsp        double precision,
    primary key (monitor_id, at)
);

-- Running hourly means per site: the exceedance rule judges these.
create table site_hour (
    site_id  text not null references site (id),
    hour     timestamptz not null,
    pm10_sum double precision not null,
    n        integer not null,
    primary key (site_id, hour)
);
create index site_hour_hour on site_hour (hour);

-- National stations' hourly PM10, read from the air-quality service's public API.
create table station (
    id   text primary key,
    lon  double precision not null,
    lat  double precision not null
);
create table station_hour (
    station_id text not null references station (id),
    hour       timestamptz not null,
    pm10       double precision not null,
    primary key (station_id, hour)
);

-- Each violation once: a failed six-100 % item per inspection, an exceeding site hour per rule.
create table site_violation (
    id        text primary key,
    site_id   text not null references site (id),
    kind      text not null,
    measure   text not null,
    at        timestamptz not null,
    detail    jsonb not null,
    confirmed boolean not null default true,
    unique (site_id, kind, measure, at)
);
create index site_violation_at on site_violation (at desc);
