-- Latest standing of each unit against each annual target, from air-quality's target-status-changed events.
create table target_status (
    unit        text        not null,
    year        integer     not null,
    indicator   text        not null,
    status      text        not null,
    value       double precision,
    target      double precision,
    as_of       timestamptz not null,
    primary key (unit, year, indicator)
);

-- Plan tasks completed as other services report them, one row per reporting event.
create table task_completion (
    event_id     text        primary key,
    kind         text        not null,
    jurisdiction text        not null,
    corps_unit   text,
    at           timestamptz not null
);
create index task_completion_kind on task_completion (kind, at);

-- Published scorecards, kept exactly as issued.
create table scorecard (
    unit           text        not null,
    period         text        not null,
    score          double precision not null,
    rank           integer     not null,
    flagged        boolean     not null,
    components     text        not null,
    weights_source text        not null,
    published_at   timestamptz not null,
    event_id       text        not null,
    primary key (unit, period)
);

create function scorecard_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'scorecard % % was published and cannot change', old.unit, old.period;
end
$$;
create trigger scorecard_immutable before update or delete on scorecard
    for each row execute function scorecard_is_immutable();
