-- Non-road mobile machinery under code registration (编码登记): one code per machine, with the fields the national
-- registration asks.
create sequence machine_code_seq;

create table machine (
    id                  text primary key,
    code                text not null unique,
    kind                text not null,
    maker               text not null,
    model               text,
    production_date     date not null,
    emission_stage      text not null,
    fuel                text not null,
    after_treatment     text[] not null,
    owner               text not null,
    operator            text,
    contact             text not null,
    jurisdiction        text not null,
    corps_unit          text,
    machine_nameplate   text not null,
    engine_nameplate    text not null,
    environmental_label text,
    acquired_on         date,
    registered_on       date not null,
    late                boolean not null,
    registered_at       timestamptz not null,
    registered_by       text not null
);
create index machine_jurisdiction on machine (jurisdiction, id);
create index machine_corps on machine (corps_unit) where corps_unit is not null;

-- A machine seen at work: at a site, in a patrol, by a camera. A sighting is kept whether or not it broke a rule.
create table machinery_sighting (
    id             text primary key,
    at             timestamptz not null,
    lon            double precision not null,
    lat            double precision not null,
    jurisdiction   text not null,
    corps_unit     text,
    machine_code   text,
    machine_id     text references machine (id),
    site           text,
    ringelmann     double precision,
    observed_stage text,
    zone_id        text,
    recorded_at    timestamptz not null,
    recorded_by    text not null
);

-- Each rule a sighting broke: black smoke, no registration code, a stage below a low-emission zone's.
create table machinery_violation (
    id            text primary key,
    sighting_id   text not null references machinery_sighting (id),
    kind          text not null,
    machine_code  text,
    at            timestamptz not null,
    lon           double precision not null,
    lat           double precision not null,
    jurisdiction  text not null,
    corps_unit    text,
    zone_id       text,
    rule_id       text not null,
    rule_source   text not null,
    rule_status   text not null,
    unique (sighting_id, kind)
);
create index machinery_violation_jurisdiction on machinery_violation (jurisdiction, id);
