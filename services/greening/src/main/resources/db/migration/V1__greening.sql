-- Afforestation projects: areas in hectares (shown in mu too), the boundary as GeoJSON, placed by the larger share.
create table project (
    id              text primary key,
    name            text not null,
    programme       text not null,
    species         text[] not null,
    planting_season text not null,
    planting_year   int not null,
    planned_ha      double precision not null,
    planted_ha      double precision not null,
    boundary        jsonb not null,
    boundary_ha     double precision not null,
    jurisdiction    text not null,
    corps_unit      text,
    shares          jsonb not null,
    chief_county    text not null,
    chief_township  text,
    chief_village   text,
    demo            boolean not null default false,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index project_year_place on project (planting_year, jurisdiction, corps_unit);
create index project_corps on project (corps_unit) where corps_unit is not null;

create table survival_check (
    id            text primary key,
    project_id    text not null references project (id),
    checked_on    date not null,
    rate_percent  double precision not null,
    verdict       text not null,
    replanted_ha  double precision not null default 0,
    note          text,
    created_at    timestamptz not null default now(),
    unique (project_id, checked_on)
);
create index survival_latest on survival_check (project_id, checked_on desc);

-- Sand-closure protection areas; assumed marks an area made up for demonstration (no designation found).
create table closure_area (
    id              text primary key,
    name            text not null,
    level           text not null,
    designation     text,
    designated_year int,
    assumed         boolean not null default false,
    boundary_note   text,
    boundary        jsonb not null,
    area_ha         double precision not null,
    jurisdiction    text not null,
    corps_unit      text,
    shares          jsonb not null,
    work_items      jsonb not null,
    demo            boolean not null default false,
    created_at      timestamptz not null default now()
);

create table patrol (
    id            text primary key,
    area_id       text not null references closure_area (id),
    patrolled_on  date not null,
    rangers       int not null,
    distance_km   double precision,
    note          text,
    created_at    timestamptz not null default now()
);
create index patrol_area on patrol (area_id, patrolled_on desc);

create table violation (
    id           text primary key,
    area_id      text not null references closure_area (id),
    patrol_id    text references patrol (id),
    kind         text not null,
    found_at     timestamptz not null,
    lon          double precision not null,
    lat          double precision not null,
    description  text,
    created_at   timestamptz not null default now()
);
create index violation_area on violation (area_id, found_at desc);

-- Idle-land tasks received from the dust service: received, planned, done.
create table idle_land_task (
    task_id          text primary key,
    parcel_id        text not null,
    area_m2          double precision not null,
    idle_since       date not null,
    due_by           date not null,
    rule             text not null,
    address          text,
    lon              double precision,
    lat              double precision,
    jurisdiction     text not null,
    corps_unit       text,
    status           text not null,
    planned_outcome  text,
    planned_on       date,
    outcome          text,
    done_area_m2     double precision,
    completed_on     date,
    greened_area_id  text,
    demo             boolean not null default false,
    received_at      timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index idle_land_task_place on idle_land_task (jurisdiction, status);
