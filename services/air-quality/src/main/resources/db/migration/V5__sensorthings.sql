-- Issue #20 (OGC SensorThings API): the STA entities are views over the station register and the hourly rows, so
-- that nothing is stored twice. STA clients and OGC's test suite need numeric ids: a station gets a stable number
-- here (never reused), a datastream is that number * 10 + its series (1-8), an observation its datastream * 10^7 + the
-- hour's number since 1970 (see the service README).
create table sta_thing (
    station_id text primary key references station (id) on delete cascade,
    id         bigint generated always as identity unique
);

insert into sta_thing (station_id) select id from station order by created_at, id;

create function sta_thing_of_station() returns trigger language plpgsql as $$
begin
    insert into sta_thing (station_id) values (new.id) on conflict do nothing;
    return new;
end $$;

create trigger station_numbered after insert on station for each row execute function sta_thing_of_station();

-- What is observed. Definitions: the European Environment Agency's air-quality pollutant vocabulary (the codes used
-- by EEA e-reporting); the AQI is HJ 633's (the version that computed an hour is in the observation's parameters).
create table sta_observed_property (
    id          bigint primary key,
    name        text not null,
    definition  text not null,
    description text not null
);

insert into sta_observed_property values
    (1, 'SO2', 'http://dd.eionet.europa.eu/vocabulary/aq/pollutant/1', '二氧化硫 Sulphur dioxide'),
    (2, 'NO2', 'http://dd.eionet.europa.eu/vocabulary/aq/pollutant/8', '二氧化氮 Nitrogen dioxide'),
    (3, 'PM10', 'http://dd.eionet.europa.eu/vocabulary/aq/pollutant/5', '可吸入颗粒物 Particulate matter < 10 µm'),
    (4, 'PM2.5', 'http://dd.eionet.europa.eu/vocabulary/aq/pollutant/6001', '细颗粒物 Particulate matter < 2.5 µm'),
    (5, 'CO', 'http://dd.eionet.europa.eu/vocabulary/aq/pollutant/10', '一氧化碳 Carbon monoxide'),
    (6, 'O3', 'http://dd.eionet.europa.eu/vocabulary/aq/pollutant/7', '臭氧 Ozone'),
    (7, 'AQI', 'HJ 633', '空气质量指数 Air quality index (HJ 633-2012 before 2026-03-01, HJ 633-2026 since)');

-- How it is observed: the automated monitors of the national network, named by the technical standards they follow.
create table sta_sensor (
    id            bigint primary key,
    name          text not null,
    description   text not null,
    encoding_type text not null,
    metadata      text not null
);

insert into sta_sensor values
    (1, 'SO2 analyser', '二氧化硫连续自动监测仪 SO2 continuous automated monitor', 'text/plain', 'HJ 193-2013'),
    (2, 'NO2 analyser', '二氧化氮连续自动监测仪 NO2 continuous automated monitor', 'text/plain', 'HJ 193-2013'),
    (3, 'PM10 monitor', '颗粒物(PM10)连续自动监测系统 PM10 continuous automated monitor', 'text/plain', 'HJ 653-2013'),
    (4, 'PM2.5 monitor', '颗粒物(PM2.5)连续自动监测系统 PM2.5 continuous automated monitor', 'text/plain', 'HJ 653-2013'),
    (5, 'CO analyser', '一氧化碳连续自动监测仪 CO continuous automated monitor', 'text/plain', 'HJ 193-2013'),
    (6, 'O3 analyser', '臭氧连续自动监测仪 O3 continuous automated monitor', 'text/plain', 'HJ 193-2013'),
    (7, 'AQI calculation', '空气质量指数计算 AQI computed from the hour''s concentrations', 'text/plain', 'HJ 633');

-- The series every station reports: one datastream per station and series. The period is the averaging period that
-- ends at the observation's hour (HJ 663's 1-hour and 8-hour values); units as HJ 633 states them.
create table sta_series (
    series               integer primary key check (series between 1 and 9),
    code                 text not null,
    observed_property_id bigint not null references sta_observed_property (id),
    sensor_id            bigint not null references sta_sensor (id),
    period               interval not null,
    unit_name            text not null,
    unit_symbol          text not null,
    unit_definition      text not null,
    observation_type     text not null
);

insert into sta_series values
    (1, 'so2', 1, 1, interval '1 hour', 'microgram per cubic metre', 'µg/m³', 'http://qudt.org/vocab/unit/MicroGM-PER-M3', 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement'),
    (2, 'no2', 2, 2, interval '1 hour', 'microgram per cubic metre', 'µg/m³', 'http://qudt.org/vocab/unit/MicroGM-PER-M3', 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement'),
    (3, 'pm10', 3, 3, interval '1 hour', 'microgram per cubic metre', 'µg/m³', 'http://qudt.org/vocab/unit/MicroGM-PER-M3', 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement'),
    (4, 'pm25', 4, 4, interval '1 hour', 'microgram per cubic metre', 'µg/m³', 'http://qudt.org/vocab/unit/MicroGM-PER-M3', 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement'),
    (5, 'co', 5, 5, interval '1 hour', 'milligram per cubic metre', 'mg/m³', 'http://qudt.org/vocab/unit/MilliGM-PER-M3', 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement'),
    (6, 'o3', 6, 6, interval '1 hour', 'microgram per cubic metre', 'µg/m³', 'http://qudt.org/vocab/unit/MicroGM-PER-M3', 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement'),
    (7, 'o3_8h', 6, 6, interval '8 hours', 'microgram per cubic metre', 'µg/m³', 'http://qudt.org/vocab/unit/MicroGM-PER-M3', 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement'),
    (8, 'aqi', 7, 7, interval '1 hour', 'dimensionless index', 'AQI', 'http://qudt.org/vocab/unit/UNITLESS', 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_CountObservation');

create view sta_things as
select t.id, t.station_id, s.name_zh as name,
       '环境空气质量监测站 ambient air-quality monitoring station' || coalesce(' ' || s.name_en, '') as description,
       jsonb_strip_nulls(jsonb_build_object(
           'stationCode', s.id, 'kind', s.kind, 'jurisdiction', s.jurisdiction, 'corpsUnit', s.corps_unit,
           'nameEn', s.name_en, 'nameUg', s.name_ug, 'operator', s.operator, 'elevationM', s.elevation_m,
           'operatingSince', s.operating_since)) as properties
from sta_thing t join station s on s.id = t.station_id;

-- One location per station (its coordinates) and one historical location, when it was registered.
create view sta_locations as
select t.id, t.id as thing_id, s.name_zh as name, coalesce(s.name_en, s.name_zh) || ' (' || s.id || ')' as description,
       'application/geo+json' as encoding_type,
       jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(s.longitude, s.latitude)) as location
from sta_thing t join station s on s.id = t.station_id;

create view sta_historical_locations as
select t.id, t.id as thing_id, t.id as location_id, s.created_at as time
from sta_thing t join station s on s.id = t.station_id;

-- The feature of interest of a station's observations is the ambient air where it stands.
create view sta_features_of_interest as
select t.id, s.name_zh as name, '环境空气 ambient air at ' || coalesce(s.name_en, s.name_zh) as description,
       'application/geo+json' as encoding_type,
       jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(s.longitude, s.latitude)) as feature
from sta_thing t join station s on s.id = t.station_id;

create view sta_datastreams as
select t.id * 10 + r.series as id, t.id as thing_id, t.station_id, r.series, r.sensor_id, r.observed_property_id,
       s.name_zh || ' ' || p.name || case when r.period > interval '1 hour' then ' 8h' else '' end as name,
       coalesce(s.name_en, s.id) || ': ' || p.name || ', ' || extract(hour from r.period)::integer || '-hour mean' as description,
       jsonb_build_object('name', r.unit_name, 'symbol', r.unit_symbol, 'definition', r.unit_definition) as unit_of_measurement,
       r.observation_type, r.period
from sta_thing t join station s on s.id = t.station_id cross join sta_series r
     join sta_observed_property p on p.id = r.observed_property_id;

create view sta_observations as
select d.id * 10000000 + (extract(epoch from o.hour) / 3600)::bigint as id, d.id as datastream_id, d.thing_id,
       d.thing_id as feature_of_interest_id, o.hour - d.period as phenomenon_start, o.hour as phenomenon_end,
       o.hour as result_time,
       case d.series when 1 then o.so2 when 2 then o.no2 when 3 then o.pm10 when 4 then o.pm25 when 5 then o.co
                     when 6 then o.o3 when 7 then o.o3_8h when 8 then o.aqi end as result,
       jsonb_strip_nulls(jsonb_build_object('valid', o.valid, 'flag', o.flag)) as result_quality,
       case when d.series = 8 then jsonb_strip_nulls(jsonb_build_object(
           'standard', o.standard, 'primaryPollutants', o.primary_pollutants)) end as parameters
from sta_datastreams d join observation o on o.station_id = d.station_id
where case d.series when 1 then o.so2 when 2 then o.no2 when 3 then o.pm10 when 4 then o.pm25 when 5 then o.co
                    when 6 then o.o3 when 7 then o.o3_8h when 8 then o.aqi end is not null;

create view sta_sensors as select id, name, description, encoding_type, metadata from sta_sensor;

create view sta_observed_properties as select id, name, definition, description from sta_observed_property;
