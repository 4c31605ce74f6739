-- Events written in the same transaction as the change that causes them; the relay publishes and marks them.
create table event_outbox (
    seq          bigserial primary key,
    id           text        not null unique,
    type         text        not null,
    exchange     text        not null,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    sent_at      timestamptz,
    attempts     integer     not null default 0
);
create index event_outbox_unsent on event_outbox (seq) where sent_at is null;
