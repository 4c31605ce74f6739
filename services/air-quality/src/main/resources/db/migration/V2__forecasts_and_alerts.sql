-- Daily AQI forecasts per county; a newer forecast for the same county and day replaces the older one.
create table forecast (
    county     text not null,
    day        date not null,
    aqi        integer not null,
    dust       boolean not null default false,
    issued_at  timestamptz not null,
    primary key (county, day)
);

-- One heavy-pollution alert per episode and county; level changes while it is active, lifted_at closes it.
create table alert (
    id             text primary key,
    county         text not null,
    level          text not null,
    rule_id        text not null,
    basis          text not null,
    effective_from timestamptz not null,
    lifted_at      timestamptz
);

create unique index alert_one_active_per_county on alert (county) where lifted_at is null;

-- Every step of every alert: issued, upgraded, downgraded, lifted.
create table alert_history (
    alert_id       text not null references alert (id),
    seq            bigserial primary key,
    action         text not null,
    level          text not null,
    previous_level text not null,
    rule_id        text not null,
    basis          text not null,
    at             timestamptz not null
);
