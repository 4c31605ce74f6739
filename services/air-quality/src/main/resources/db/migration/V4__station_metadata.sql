-- Issue #21 (station metadata): a station's Uyghur name and, where its operator publishes them, who runs it, its
-- elevation and the first day it reported. All optional: the demo register knows none of the last three.
alter table station add column if not exists name_ug text;
alter table station add column if not exists operator text;
alter table station add column if not exists elevation_m double precision;
alter table station add column if not exists operating_since date;
