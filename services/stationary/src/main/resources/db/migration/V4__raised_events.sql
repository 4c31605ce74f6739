-- Every event this service raised, as the envelope it was checked against (also read by tests and disclosure).
create table raised_event (
    id            text primary key,
    type          text not null,
    subject       text not null,
    jurisdiction  text not null,
    corps_unit    text not null,
    envelope      jsonb not null,
    raised_at     timestamptz not null
);
create index raised_event_type on raised_event (type, raised_at);
