-- Enforcement cases opened from other domains' findings; one open case per correlation key (an outlet's pollutant,
-- a finding, a fire point), so a repeated finding adds an occurrence instead of a second case.
create table enforcement_case (
    id                     text        primary key,
    seq                    bigserial   not null unique,
    origin_event_id        text        not null unique,
    origin_type            text        not null,
    correlation_key        text        not null,
    subject_ref            text,
    enterprise_id          text,
    rule_id                text,
    rule_source            text,
    summary                text        not null,
    jurisdiction           text        not null,
    corps_unit             text,
    notified               text[]      not null default '{}',
    lead                   text        not null,
    agency                 text        not null,
    severity               text        not null,
    status                 text        not null,
    status_before_referral text,
    referral_agency        text,
    referral_jurisdiction  text,
    referral_reason        text,
    assignee               text,
    inspection_at          timestamptz,
    findings               text,
    evidence               text[]      not null default '{}',
    deadline               timestamptz,
    escalation_level       integer     not null default 0,
    escalation_kind        text,
    occurrences            integer     not null default 1,
    public_outcome         text,
    internal_note          text,
    opened_at              timestamptz not null,
    closed_at              timestamptz,
    closed_on_time         boolean,
    updated_at             timestamptz not null
);
create unique index enforcement_case_open_key on enforcement_case (correlation_key) where status <> 'closed';
create index enforcement_case_deadline on enforcement_case (deadline) where status <> 'closed';
create index enforcement_case_place on enforcement_case (jurisdiction, corps_unit);

-- Every transition as it happened: who, from which state to which, why.
create table case_history (
    seq          bigserial   primary key,
    case_id      text        not null references enforcement_case (id),
    action       text        not null,
    from_status  text,
    to_status    text        not null,
    actor        text        not null,
    note         text,
    at           timestamptz not null
);
create index case_history_case on case_history (case_id, seq);

-- The live work queue: new cases, escalations and referrals, with whom they concern.
create table work_item (
    seq          bigserial   primary key,
    case_id      text        not null,
    kind         text        not null,
    units        text[]      not null,
    agencies     text[]      not null,
    severity     text        not null,
    summary      text        not null,
    at           timestamptz not null
);
