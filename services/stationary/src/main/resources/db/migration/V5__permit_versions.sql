-- Every version of every permit as it stood, so that an hourly value is judged by the permit terms in force at its
-- hour and not by today's. outlets lists the outlets the version limits (GIN-indexed to find a batch's permits).
create table permit_version (
    number        text not null,
    version       integer not null,
    valid_from    date not null,
    valid_until   date not null,
    status        text not null,
    recorded_at   timestamptz not null,
    outlets       text[] not null,
    limits        jsonb not null,
    primary key (number, version)
);
create index permit_version_outlets on permit_version using gin (outlets);

-- The versions that exist already: only their current state is known.
insert into permit_version (number, version, valid_from, valid_until, status, recorded_at, outlets, limits)
select p.number, p.version, p.valid_from, p.valid_until, p.status, p.updated_at,
       array(select distinct pl.outlet_id from permit_limit pl where pl.permit_number = p.number),
       coalesce((select jsonb_agg(jsonb_build_object('o', pl.outlet_id, 'p', pl.pollutant, 'l', pl.limit_mg_m3))
                 from permit_limit pl where pl.permit_number = p.number), '[]'::jsonb)
from permit p;
