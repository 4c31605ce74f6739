package cn.lantian.airquality.observation;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Hourly observations in PostgreSQL; a later delivery of the same station hour replaces the earlier one. */
@Repository
public class Observations {

    /** Rows per statement: one array-bound insert per chunk keeps ingest fast. */
    static final int CHUNK = 5000;

    private final DatabaseClient db;
    private final HourlyAqi hourlyAqi;

    public Observations(DatabaseClient db, HourlyAqi hourlyAqi) {
        this.db = db;
        this.hourlyAqi = hourlyAqi;
    }

    /** Stores the observations with their hourly AQI; returns how many rows were written. */
    public Mono<Long> upsert(List<Observation> observations) {
        // A batch may carry the same station hour twice (a correction right behind the value): the last one wins.
        java.util.Map<String, Observation> last = new java.util.LinkedHashMap<>();
        observations.forEach(o -> last.put(o.station() + '|' + o.hour().getEpochSecond(), o));
        List<Observation> unique = List.copyOf(last.values());
        return Flux.fromIterable(chunks(unique)).concatMap(this::upsertChunk).reduce(0L, Long::sum);
    }

    private Mono<Long> upsertChunk(List<Observation> chunk) {
        int n = chunk.size();
        String[] station = new String[n];
        Long[] hour = new Long[n];
        Double[][] values = new Double[7][n];
        Boolean[] valid = new Boolean[n];
        String[] flag = new String[n];
        Integer[] aqi = new Integer[n];
        String[] primary = new String[n];
        String[] standard = new String[n];
        // The hourly AQI is pure computation: spread it over the cores before the one statement.
        HourlyAqi.Figures[] all = chunk.parallelStream().map(hourlyAqi::of).toArray(HourlyAqi.Figures[]::new);
        for (int i = 0; i < n; i++) {
            Observation o = chunk.get(i);
            HourlyAqi.Figures figures = all[i];
            station[i] = o.station();
            hour[i] = o.hour().getEpochSecond();
            values[0][i] = o.so2();
            values[1][i] = o.no2();
            values[2][i] = o.pm10();
            values[3][i] = o.pm25();
            values[4][i] = o.co();
            values[5][i] = o.o3();
            values[6][i] = o.o3_8h();
            valid[i] = o.valid();
            flag[i] = o.flag();
            aqi[i] = figures.aqi();
            primary[i] = figures.primary();
            standard[i] = figures.standard();
        }
        return db.sql("""
                insert into observation (station_id, hour, so2, no2, pm10, pm25, co, o3, o3_8h, valid, flag, aqi,
                                         primary_pollutants, standard, received_at)
                select s, to_timestamp(h), a, b, c, d, e, f, g, v, fl, q, p, st, now()
                from unnest($1::text[], $2::bigint[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[],
                            $8::float8[], $9::float8[], $10::boolean[], $11::text[], $12::integer[], $13::text[], $14::text[])
                     as t(s, h, a, b, c, d, e, f, g, v, fl, q, p, st)
                on conflict (station_id, hour) do update set so2 = excluded.so2, no2 = excluded.no2, pm10 = excluded.pm10,
                  pm25 = excluded.pm25, co = excluded.co, o3 = excluded.o3, o3_8h = excluded.o3_8h, valid = excluded.valid,
                  flag = excluded.flag, aqi = excluded.aqi, primary_pollutants = excluded.primary_pollutants,
                  standard = excluded.standard, received_at = excluded.received_at""")
                .bind(0, station).bind(1, hour).bind(2, values[0]).bind(3, values[1]).bind(4, values[2])
                .bind(5, values[3]).bind(6, values[4]).bind(7, values[5]).bind(8, values[6]).bind(9, valid)
                .bind(10, flag).bind(11, aqi).bind(12, primary).bind(13, standard)
                .fetch().rowsUpdated();
    }

    /** A stored hour with its AQI figures. */
    public record StoredHour(Observation observation, Integer aqi, String primary, String standard) {
    }

    /** The newest valid hour with an AQI of each station. */
    public Flux<StoredHour> latestPerStation() {
        return db.sql("""
                select o.* from station s cross join lateral (
                  select * from observation o where o.station_id = s.id and o.valid and o.aqi is not null
                  order by o.hour desc limit 1) o""").map(Observations::stored).all();
    }

    /** One station's hours in {@code [from, to)}, oldest first. */
    public Flux<StoredHour> between(String stationId, Instant from, Instant to) {
        return db.sql("select * from observation where station_id = :id and hour >= :from and hour < :to order by hour")
                .bind("id", stationId).bind("from", from.atOffset(java.time.ZoneOffset.UTC))
                .bind("to", to.atOffset(java.time.ZoneOffset.UTC)).map(Observations::stored).all();
    }

    /** Every station's hours in {@code [from, to)}, by station then hour: only what the evaluation reads. */
    public Flux<Observation> allBetween(Instant from, Instant to) {
        // Columns by position and the hour as epoch seconds: this read feeds a whole year's evaluation.
        return db.sql("""
                        select station_id, extract(epoch from hour)::bigint, so2, no2, pm10, pm25, co, o3, valid
                        from observation where hour >= :from and hour < :to""")
                .bind("from", from.atOffset(java.time.ZoneOffset.UTC)).bind("to", to.atOffset(java.time.ZoneOffset.UTC))
                .map(row -> new Observation(row.get(0, String.class), Instant.ofEpochSecond(row.get(1, Long.class)),
                        row.get(2, Double.class), row.get(3, Double.class), row.get(4, Double.class), row.get(5, Double.class),
                        row.get(6, Double.class), row.get(7, Double.class), null, Boolean.TRUE.equals(row.get(8, Boolean.class)),
                        null))
                .all();
    }

    static StoredHour stored(Readable row) {
        Observation o = new Observation(row.get("station_id", String.class), row.get("hour", OffsetDateTime.class).toInstant(),
                real(row, "so2"), real(row, "no2"), real(row, "pm10"), real(row, "pm25"), real(row, "co"), real(row, "o3"),
                real(row, "o3_8h"), Boolean.TRUE.equals(row.get("valid", Boolean.class)), row.get("flag", String.class));
        return new StoredHour(o, row.get("aqi", Integer.class), row.get("primary_pollutants", String.class),
                row.get("standard", String.class));
    }

    private static Double real(Readable row, String column) {
        return row.get(column, Double.class);
    }

    private static List<List<Observation>> chunks(List<Observation> all) {
        List<List<Observation>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
