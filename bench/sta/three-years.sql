-- Three years of hourly rows up to the current hour for 20 benchmark stations (BENCH01-BENCH20), with values in the
-- ranges Kashgar's stations report; replaces what an earlier load wrote.
delete from observation where station_id like 'BENCH%';
insert into station (id, name_zh, name_en, kind, longitude, latitude, jurisdiction)
select 'BENCH' || lpad(n::text, 2, '0'), '基准站' || n, 'Bench station ' || n, 'county',
       75.9 + n * 0.05, 39.4 - n * 0.02, '653101'
from generate_series(1, 20) n
on conflict (id) do nothing;
insert into observation (station_id, hour, so2, no2, pm10, pm25, co, o3, o3_8h, valid, aqi, primary_pollutants, standard)
select s.id, h, 5 + random() * 20, 10 + random() * 40, 40 + random() * 300, 20 + random() * 120, 0.3 + random(),
       20 + random() * 120, 20 + random() * 100, true, (30 + random() * 200)::integer, 'PM10', 'HJ633-2026'
from station s
cross join generate_series(date_trunc('hour', now()) - interval '3 years', date_trunc('hour', now()), interval '1 hour') h
where s.id like 'BENCH%';
analyze observation;
