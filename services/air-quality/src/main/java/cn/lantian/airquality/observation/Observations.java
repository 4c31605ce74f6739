package cn.lantian.airquality.observation;

import cn.lantian.airquality.calculator.AirQualityProperties;
import cn.lantian.airquality.station.Stations;
import cn.lantian.eventing.Outbox;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Hourly observations in PostgreSQL; a later delivery of the same station hour replaces the earlier one. Every batch
 * publishes, in its own transaction, {@code hourly-aqi-published} for the newest hour of each station it wrote and for
 * the hours it corrected (up to {@code lantian.air-quality.correction-events-per-batch}, newest first): a whole year
 * loaded at once thus costs one event per station, not one per hour, while the live map still learns every change to
 * what it shows. An identical re-delivery changes nothing and publishes nothing.
 */
@Repository
public class Observations {

    private static final Logger LOG = LoggerFactory.getLogger(Observations.class);

    /** Rows per statement: one array-bound insert per chunk keeps ingest fast. */
    static final int CHUNK = 5000;

    private final DatabaseClient db;
    private final HourlyAqi hourlyAqi;
    private final Stations stations;
    private final HourlyAqiPublication publication;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final int correctionEvents;

    public Observations(
            DatabaseClient db,
            HourlyAqi hourlyAqi,
            Stations stations,
            HourlyAqiPublication publication,
            Outbox outbox,
            TransactionalOperator tx,
            AirQualityProperties properties) {
        this.db = db;
        this.hourlyAqi = hourlyAqi;
        this.stations = stations;
        this.publication = publication;
        this.outbox = outbox;
        this.tx = tx;
        this.correctionEvents = properties.correctionEventsPerBatch();
    }

    /** An hour the batch wrote that is to be published, and whether it replaced an earlier value. */
    private record Written(Observation hour, HourlyAqi.Figures figures, boolean corrected) {}

    /** What one chunk's statement did. */
    private record ChunkResult(long rows, List<Written> toPublish) {}

    /**
     * Stores the observations with their hourly AQI and appends their events, in one transaction; returns how many
     * rows were inserted or changed.
     */
    public Mono<Long> upsert(List<Observation> observations) {
        // A batch may carry the same station hour twice (a correction right behind the value): the last one wins.
        Map<String, Observation> last = new LinkedHashMap<>();
        observations.forEach(o -> last.put(key(o.station(), o.hour().getEpochSecond()), o));
        List<Observation> unique = List.copyOf(last.values());
        Map<String, Long> newest = new HashMap<>();
        // The newest valid hour: an invalid hour has no AQI to show.
        unique.stream()
                .filter(Observation::valid)
                .forEach(o -> newest.merge(o.station(), o.hour().getEpochSecond(), Math::max));
        Mono<Long> work = Flux.fromIterable(chunks(unique))
                .concatMap(chunk -> upsertChunk(chunk, newest))
                .collectList()
                .flatMap(results -> publish(results.stream()
                                .flatMap(r -> r.toPublish().stream())
                                .toList())
                        .thenReturn(
                                results.stream().mapToLong(ChunkResult::rows).sum()));
        return tx.transactional(work);
    }

    private Mono<Long> publish(List<Written> written) {
        if (written.isEmpty()) {
            return Mono.just(0L);
        }
        List<Written> corrected = written.stream()
                .filter(Written::corrected)
                .sorted(Comparator.comparing((Written w) -> w.hour().hour()).reversed())
                .toList();
        Set<Written> chosen =
                new LinkedHashSet<>(written.stream().filter(w -> !w.corrected()).toList());
        chosen.addAll(corrected.subList(0, Math.min(corrected.size(), correctionEvents)));
        if (corrected.size() > correctionEvents) {
            LOG.info(
                    "{} corrected hours in one batch: published the newest {}, the rest are readable through the API",
                    corrected.size(),
                    correctionEvents);
        }
        return stations.byId()
                .flatMap(known -> outbox.appendAll(chosen.stream()
                                .map(w -> publication.of(
                                        w.hour(),
                                        w.figures(),
                                        known.get(w.hour().station())))
                                .toList())
                        .map(ids -> (long) ids.size()));
    }

    private Mono<ChunkResult> upsertChunk(List<Observation> chunk, Map<String, Long> newest) {
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
        HourlyAqi.Figures[] all = hourlyAqi.ofBatch(chunk).toArray(HourlyAqi.Figures[]::new);
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
        String[] newestStation = newest.keySet().toArray(String[]::new);
        Long[] newestHour = Arrays.stream(newestStation).map(newest::get).toArray(Long[]::new);
        // One row back: the count, and only the rows worth an event (corrections and each station's newest hour),
        // so that a year's first load does not ship 170,000 keys back to the service.
        return db.sql("""
                with w as (
                  insert into observation (station_id, hour, so2, no2, pm10, pm25, co, o3, o3_8h, valid, flag, aqi,
                                           primary_pollutants, standard, received_at)
                  select s, to_timestamp(h), a, b, c, d, e, f, g, v, fl, q, p, st, now()
                  from unnest($1::text[], $2::bigint[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[],
                              $8::float8[], $9::float8[], $10::boolean[], $11::text[], $12::integer[], $13::text[], $14::text[])
                       as t(s, h, a, b, c, d, e, f, g, v, fl, q, p, st)
                  on conflict (station_id, hour) do update set so2 = excluded.so2, no2 = excluded.no2, pm10 = excluded.pm10,
                    pm25 = excluded.pm25, co = excluded.co, o3 = excluded.o3, o3_8h = excluded.o3_8h, valid = excluded.valid,
                    flag = excluded.flag, aqi = excluded.aqi, primary_pollutants = excluded.primary_pollutants,
                    standard = excluded.standard, received_at = excluded.received_at
                  where (observation.so2, observation.no2, observation.pm10, observation.pm25, observation.co, observation.o3,
                         observation.o3_8h, observation.valid, observation.flag, observation.aqi,
                         observation.primary_pollutants, observation.standard)
                        is distinct from (excluded.so2, excluded.no2, excluded.pm10, excluded.pm25, excluded.co, excluded.o3,
                         excluded.o3_8h, excluded.valid, excluded.flag, excluded.aqi, excluded.primary_pollutants,
                         excluded.standard)
                  returning station_id, extract(epoch from hour)::bigint as h, xmax <> 0 as replaced)
                select (select count(*) from w) as rows,
                       array_agg(station_id) as s, array_agg(h) as h, array_agg(replaced) as r
                from w where replaced or (station_id, h) in (select * from unnest($15::text[], $16::bigint[]))""")
                .bind(0, station)
                .bind(1, hour)
                .bind(2, values[0])
                .bind(3, values[1])
                .bind(4, values[2])
                .bind(5, values[3])
                .bind(6, values[4])
                .bind(7, values[5])
                .bind(8, values[6])
                .bind(9, valid)
                .bind(10, flag)
                .bind(11, aqi)
                .bind(12, primary)
                .bind(13, standard)
                .bind(14, newestStation)
                .bind(15, newestHour)
                .map(row -> {
                    long rows = row.get("rows", Long.class);
                    String[] s = row.get("s", String[].class);
                    Long[] h = row.get("h", Long[].class);
                    Boolean[] r = row.get("r", Boolean[].class);
                    return new ChunkResult(rows, s == null ? List.of() : written(chunk, all, s, h, r));
                })
                .one();
    }

    /** The chunk's hours named by the statement, with their figures; hours without an AQI have nothing to publish. */
    private static List<Written> written(
            List<Observation> chunk, HourlyAqi.Figures[] figures, String[] s, Long[] h, Boolean[] replaced) {
        Map<String, Boolean> wanted = new HashMap<>();
        for (int i = 0; i < s.length; i++) {
            wanted.put(key(s[i], h[i]), replaced[i]);
        }
        List<Written> out = new ArrayList<>(s.length);
        for (int i = 0; i < chunk.size(); i++) {
            Observation o = chunk.get(i);
            Boolean corrected = wanted.get(key(o.station(), o.hour().getEpochSecond()));
            if (corrected != null && figures[i].aqi() != null) {
                out.add(new Written(o, figures[i], corrected));
            }
        }
        return out;
    }

    private static String key(String station, long epochSecond) {
        return station + '|' + epochSecond;
    }

    /** A stored hour with its AQI figures. */
    public record StoredHour(Observation observation, Integer aqi, String primary, String standard) {}

    /** The newest valid hour with an AQI of each station. */
    public Flux<StoredHour> latestPerStation() {
        return db.sql("""
                select o.* from station s cross join lateral (
                  select * from observation o where o.station_id = s.id and o.valid and o.aqi is not null
                  order by o.hour desc limit 1) o""").map(Observations::stored).all();
    }

    /**
     * Recomputes the AQI figures of every stored hour from {@code from} on by the standard now shipped for its date, and
     * writes only those that differ: a second run changes nothing. No event is published (the figures of past hours
     * are read through the API; the live map takes each station's next hour). Returns the years whose hours changed.
     */
    public Mono<Set<Integer>> recomputeSince(Instant from) {
        return db.sql("""
                        select station_id, extract(epoch from hour)::bigint as h, so2, no2, pm10, pm25, co, o3, o3_8h, valid,
                               aqi, primary_pollutants, standard
                        from observation where hour >= :from order by station_id, hour""")
                .bind("from", from.atOffset(java.time.ZoneOffset.UTC))
                .map(row -> new StoredHour(
                        new Observation(
                                row.get("station_id", String.class),
                                Instant.ofEpochSecond(row.get("h", Long.class)),
                                real(row, "so2"),
                                real(row, "no2"),
                                real(row, "pm10"),
                                real(row, "pm25"),
                                real(row, "co"),
                                real(row, "o3"),
                                real(row, "o3_8h"),
                                Boolean.TRUE.equals(row.get("valid", Boolean.class)),
                                null),
                        row.get("aqi", Integer.class),
                        row.get("primary_pollutants", String.class),
                        row.get("standard", String.class)))
                .all()
                .collectList()
                .flatMap(stored -> {
                    List<Observation> hours =
                            stored.stream().map(StoredHour::observation).toList();
                    List<HourlyAqi.Figures> figures = hourlyAqi.ofBatch(hours);
                    List<Integer> changed = new ArrayList<>();
                    for (int i = 0; i < stored.size(); i++) {
                        StoredHour was = stored.get(i);
                        HourlyAqi.Figures now = figures.get(i);
                        if (!java.util.Objects.equals(was.aqi(), now.aqi())
                                || !java.util.Objects.equals(was.primary(), now.primary())
                                || !java.util.Objects.equals(was.standard(), now.standard())) {
                            changed.add(i);
                        }
                    }
                    if (changed.isEmpty()) {
                        return Mono.just(Set.<Integer>of());
                    }
                    String[] station =
                            changed.stream().map(i -> hours.get(i).station()).toArray(String[]::new);
                    Long[] hour = changed.stream()
                            .map(i -> hours.get(i).hour().getEpochSecond())
                            .toArray(Long[]::new);
                    Integer[] aqi =
                            changed.stream().map(i -> figures.get(i).aqi()).toArray(Integer[]::new);
                    String[] primary =
                            changed.stream().map(i -> figures.get(i).primary()).toArray(String[]::new);
                    String[] standard =
                            changed.stream().map(i -> figures.get(i).standard()).toArray(String[]::new);
                    Set<Integer> years = new java.util.TreeSet<>();
                    changed.forEach(i -> years.add(hours.get(i)
                            .hour()
                            .atZone(HourlyAqi.CHINA)
                            .minusHours(1)
                            .getYear()));
                    return tx.transactional(db.sql("""
                                    update observation o set aqi = t.q, primary_pollutants = t.p, standard = t.st
                                    from unnest($1::text[], $2::bigint[], $3::integer[], $4::text[], $5::text[]) as t(s, h, q, p, st)
                                    where o.station_id = t.s and o.hour = to_timestamp(t.h)""")
                                    .bind(0, station)
                                    .bind(1, hour)
                                    .bind(2, aqi)
                                    .bind(3, primary)
                                    .bind(4, standard)
                                    .fetch()
                                    .rowsUpdated())
                            .doOnNext(n -> LOG.info("recomputed the AQI of {} stored hours since {}", n, from))
                            .thenReturn(Set.copyOf(years));
                });
    }

    /** The valid observations of these stations at the newest hour any of them reported validly. */
    public Flux<Observation> newestHourOf(List<String> stationIds) {
        String[] ids = stationIds.toArray(String[]::new);
        return db.sql("""
                        select * from observation where station_id = any(:ids) and valid
                          and hour = (select max(hour) from observation where station_id = any(:ids) and valid)""").bind("ids", ids).map(Observations::stored).all().map(StoredHour::observation);
    }

    /** One station's hours in {@code [from, to)}, oldest first. */
    public Flux<StoredHour> between(String stationId, Instant from, Instant to) {
        return db.sql("select * from observation where station_id = :id and hour >= :from and hour < :to order by hour")
                .bind("id", stationId)
                .bind("from", from.atOffset(java.time.ZoneOffset.UTC))
                .bind("to", to.atOffset(java.time.ZoneOffset.UTC))
                .map(Observations::stored)
                .all();
    }

    /** Every station's hours in {@code [from, to)}, by station then hour: only what the evaluation reads. */
    public Flux<Observation> allBetween(Instant from, Instant to) {
        // Columns by position and the hour as epoch seconds: this read feeds a whole year's evaluation.
        return db.sql("""
                        select station_id, extract(epoch from hour)::bigint, so2, no2, pm10, pm25, co, o3, valid
                        from observation where hour >= :from and hour < :to""")
                .bind("from", from.atOffset(java.time.ZoneOffset.UTC))
                .bind("to", to.atOffset(java.time.ZoneOffset.UTC))
                .map(row -> new Observation(
                        row.get(0, String.class),
                        Instant.ofEpochSecond(row.get(1, Long.class)),
                        row.get(2, Double.class),
                        row.get(3, Double.class),
                        row.get(4, Double.class),
                        row.get(5, Double.class),
                        row.get(6, Double.class),
                        row.get(7, Double.class),
                        null,
                        Boolean.TRUE.equals(row.get(8, Boolean.class)),
                        null))
                .all();
    }

    static StoredHour stored(Readable row) {
        Observation o = new Observation(
                row.get("station_id", String.class),
                row.get("hour", OffsetDateTime.class).toInstant(),
                real(row, "so2"),
                real(row, "no2"),
                real(row, "pm10"),
                real(row, "pm25"),
                real(row, "co"),
                real(row, "o3"),
                real(row, "o3_8h"),
                Boolean.TRUE.equals(row.get("valid", Boolean.class)),
                row.get("flag", String.class));
        return new StoredHour(
                o,
                row.get("aqi", Integer.class),
                row.get("primary_pollutants", String.class),
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
