-- Incidents: one burning fire, merged from the detections of one or more satellites.
create table incident (
    id                text primary key,
    lon               double precision not null,
    lat               double precision not null,
    first_at          timestamptz not null,
    last_at           timestamptz not null,
    detections        integer not null,
    satellites        text[] not null,
    confidence        text,
    max_frp_mw        double precision,
    jurisdiction      text not null,
    corps_unit        text,
    assigned_to       text,
    assigned_at       timestamptz,
    alert_id          text,
    status            text not null default 'open' check (status in ('open', 'handled')),
    verdict           text check (verdict in ('burning-confirmed', 'false-alarm', 'industrial-source')),
    material          text check (material in ('straw', 'leaves', 'rubbish')),
    handled_at        timestamptz,
    response_minutes  integer,
    note              text,
    handled_by        text,
    created_at        timestamptz not null default now()
);
create index incident_jurisdiction on incident (jurisdiction, first_at);
create index incident_corps on incident (corps_unit, first_at) where corps_unit is not null;
create index incident_first_at on incident (first_at);

-- Every satellite detection kept, with the incident it belongs to; the same row imported twice is stored once.
create table detection (
    id            bigserial primary key,
    incident_id   text not null references incident (id),
    lat           double precision not null,
    lon           double precision not null,
    acquired_at   timestamptz not null,
    satellite     text not null,
    instrument    text not null,
    confidence    text,
    brightness_k  double precision,
    frp_mw        double precision,
    daynight      text,
    unique (satellite, acquired_at, lat, lon)
);
create index detection_incident on detection (incident_id);
create index detection_time on detection (acquired_at);

-- Straw production and use per county (or Corps unit) and season, as the agriculture bureau reports them (tonnes, ha).
create table straw_use (
    unit            text not null,
    season          text not null,
    crop_area_ha    double precision not null,
    produced_t      double precision not null,
    returned_t      double precision not null,
    feed_t          double precision not null,
    fuel_t          double precision not null,
    raw_material_t  double precision not null,
    base_material_t double precision not null,
    updated_at      timestamptz not null default now(),
    updated_by      text not null,
    primary key (unit, season)
);

-- Alert measures in force per county: from an air-quality alert until it is lifted.
create table activation (
    alert_id       text not null,
    county         text not null,
    level          text not null,
    effective_from timestamptz not null,
    ended_at       timestamptz,
    primary key (alert_id, county)
);
