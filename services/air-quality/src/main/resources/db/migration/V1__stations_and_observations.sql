-- Monitoring stations and their hourly observations. Concentrations in µg/m³ (CO mg/m³); a null is a missing value.
create table station (
    id           text primary key,
    name_zh      text not null,
    name_en      text,
    kind         text not null check (kind in ('national', 'regional', 'county')),
    longitude    double precision not null,
    latitude     double precision not null,
    jurisdiction text not null,
    corps_unit   text,
    created_at   timestamptz not null default now()
);

-- One row per station and hour; the hour is the end of the averaging hour, as the national centre labels it.
-- A later delivery for the same station and hour replaces the row (late and corrected values).
create table observation (
    station_id  text not null references station (id),
    hour        timestamptz not null,
    so2         double precision,
    no2         double precision,
    pm10        double precision,
    pm25        double precision,
    co          double precision,
    o3          double precision,
    o3_8h       double precision,
    valid       boolean not null default true,
    flag        text,
    aqi         integer,
    primary_pollutants text,
    standard    text,
    received_at timestamptz not null default now(),
    primary key (station_id, hour)
);

create index observation_hour on observation (hour);

-- Days affected by sand and dust weather, with the basis on which they were flagged.
create table dust_day (
    jurisdiction text not null,
    day          date not null,
    basis        text not null,
    primary key (jurisdiction, day)
);

-- The last status of each unit's indicator against its target, so that changes can be told.
create table target_status (
    unit      text not null,
    year      integer not null,
    indicator text not null,
    status    text not null,
    value     double precision,
    changed_at timestamptz not null default now(),
    primary key (unit, year, indicator)
);
