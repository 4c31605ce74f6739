-- HJ 845-2017 measurement conditions: a remote-sensing reading outside them is kept, marked invalid with the reason,
-- and not judged against the limits.
alter table reading add column valid boolean not null default true;
alter table reading add column invalid_reason text;
