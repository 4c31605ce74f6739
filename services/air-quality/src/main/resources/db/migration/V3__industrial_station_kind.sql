-- Industrial-park (source-oriented) stations are a kind of their own: they are monitored and published but assess no
-- unit (the evaluation reads which kinds assess which unit from evaluation/assessment-stations.json).
alter table station drop constraint if exists station_kind_check;
alter table station add constraint station_kind_check check (kind in ('national', 'regional', 'county', 'industrial'));
