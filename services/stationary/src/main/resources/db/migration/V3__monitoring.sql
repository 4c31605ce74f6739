-- Hourly CEMS values. value_ref is the concentration at the reference oxygen; exceeds is set only for valid hours.
create table cems_hourly (
    outlet_id     text not null,
    pollutant     text not null,
    hour          timestamptz not null,
    measured      double precision not null,
    o2            double precision,
    flow          double precision,
    flag          text not null,
    value_ref     double precision,
    limit_mg_m3   double precision,
    exceeds       boolean not null default false,
    received_at   timestamptz not null,
    primary key (outlet_id, pollutant, hour)
);
create index cems_exceeds on cems_hourly (outlet_id, hour) where exceeds;

-- Exceedances raised (one per exceeding valid hour) and escalations (one per streak), for disclosure and dedup.
create table exceedance (
    outlet_id     text not null,
    pollutant     text not null,
    hour          timestamptz not null,
    value_ref     double precision not null,
    limit_mg_m3   double precision not null,
    ratio         double precision not null,
    escalated     boolean not null default false,
    primary key (outlet_id, pollutant, hour)
);

create table monitoring_gap (
    outlet_id     text not null,
    pollutant     text not null,
    last_valid    timestamptz,
    raised_at     timestamptz not null,
    closed_at     timestamptz
);
create unique index monitoring_gap_open on monitoring_gap (outlet_id, pollutant) where closed_at is null;
