-- Roads and their monthly mechanised cleaning (国发〔2023〕24号 targets), and the inventory of industrial material yards
-- and concrete plants with their dust controls (plan section 三.八).
create table road (
    id           text primary key,
    name         text not null,
    length_km    numeric(8, 2) not null check (length_km > 0),
    area_kind    text not null,
    lon          double precision not null,
    lat          double precision not null,
    jurisdiction text not null,
    corps_unit   text
);
create index road_jurisdiction on road (jurisdiction);

create table road_cleaning (
    road_id        text not null references road (id),
    month          date not null,
    mechanised_km  numeric(8, 2) not null check (mechanised_km >= 0),
    primary key (road_id, month)
);

create table yard (
    id           text primary key,
    kind         text not null,
    name         text not null,
    lon          double precision not null,
    lat          double precision not null,
    jurisdiction text not null,
    corps_unit   text,
    controls     text[] not null
);
create index yard_jurisdiction on yard (jurisdiction, id);
