-- Cross-enforcement (交叉执法) campaigns: teams paired with units they do not govern, tasks from open cases.
create table campaign (
    id          text        primary key,
    name        text        not null,
    starts_on   date        not null,
    ends_on     date        not null,
    created_by  text        not null,
    created_at  timestamptz not null
);
create table campaign_pairing (
    campaign_id text not null references campaign (id),
    team        text not null,
    target      text not null,
    primary key (campaign_id, team, target)
);
create table campaign_task (
    id           text        primary key,
    campaign_id  text        not null references campaign (id),
    case_id      text        not null references enforcement_case (id),
    team         text        not null,
    target       text        not null,
    status       text        not null,
    violation    boolean,
    findings     text,
    evidence     text[]      not null default '{}',
    recorded_by  text,
    recorded_at  timestamptz,
    unique (campaign_id, case_id)
);
