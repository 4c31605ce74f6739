-- Event ids a consumer has already handled: at-least-once delivery made idempotent.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
