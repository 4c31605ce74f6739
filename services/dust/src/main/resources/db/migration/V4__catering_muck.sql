-- Catering premises (plan section 三.九), their cleaning records and online fume readings.
create table restaurant (
    id                  text primary key,
    name                text not null,
    operator_credit_code text,
    address             text,
    lon                 double precision not null,
    lat                 double precision not null,
    jurisdiction        text not null,
    corps_unit          text,
    cooking_heads       integer not null check (cooking_heads > 0),
    size_class          text not null,
    purifier_model      text,
    purifier_efficiency numeric(5, 1),
    purifier_status     text not null,
    online_monitor      boolean not null default false,
    updated_at          timestamptz not null default now()
);
create index restaurant_jurisdiction on restaurant (jurisdiction, id);

create table restaurant_cleaning (
    restaurant_id text not null references restaurant (id),
    cleaned_on    date not null,
    cleaned_by    text not null,
    photo         text,
    primary key (restaurant_id, cleaned_on)
);

create table restaurant_reading (
    restaurant_id text not null references restaurant (id),
    at            timestamptz not null,
    fume_mg_m3    double precision not null,
    primary key (restaurant_id, at)
);

-- Each catering violation once: a purifier state or shortfall per day, a reading over the limit per hour.
create table catering_violation (
    id            text primary key,
    restaurant_id text not null references restaurant (id),
    kind          text not null,
    at            timestamptz not null
);

-- Muck-truck violations recorded by urban management (plan section 三.八).
create table muck_violation (
    id           text primary key,
    plate        text not null,
    kinds        text[] not null,
    at           timestamptz not null,
    site_id      text,
    lon          double precision not null,
    lat          double precision not null,
    jurisdiction text not null,
    corps_unit   text,
    recorded_by  text not null,
    photos       text[] not null
);
create index muck_violation_jurisdiction on muck_violation (jurisdiction, at desc);
