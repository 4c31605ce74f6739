-- Rule findings: one open row per (rule, facility); resolved rows keep their resolution.
create table finding (
    id            text primary key,
    rule_id       text not null,
    facility_id   text not null,
    facility_kind text not null,
    enterprise_id text,
    jurisdiction  text not null,
    corps_unit    text,
    summary       text not null,
    raised_at     timestamptz not null,
    resolved_at   timestamptz,
    resolution    text
);
create unique index finding_open on finding (rule_id, facility_id) where resolved_at is null;

create table permit (
    number        text primary key,
    enterprise_id text not null references enterprise (id),
    valid_from    date not null,
    valid_until   date not null,
    status        text not null check (status in ('valid', 'revoked', 'expired')),
    warned_for    date,
    version       integer not null,
    updated_at    timestamptz not null,
    updated_by    text not null
);
create index permit_enterprise on permit (enterprise_id);

create table permit_limit (
    permit_number text not null references permit (number) on delete cascade,
    outlet_id     text not null references facility (id),
    pollutant     text not null,
    limit_mg_m3   double precision not null,
    yearly_t      double precision,
    primary key (permit_number, outlet_id, pollutant)
);
create index permit_limit_outlet on permit_limit (outlet_id);
