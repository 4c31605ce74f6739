package cn.lantian.dust.monitor;

import cn.lantian.dust.db.Binds;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** National stations and their hourly PM10, kept in this service's database; the list is also held in memory. */
@Repository
class Stations {

    /** A station's PM10 in an hour (labelled by its end). */
    record StationHour(String stationId, Instant hour, double pm10) {}

    private final DatabaseClient db;
    private final AtomicReference<List<Station>> cached = new AtomicReference<>();

    Stations(DatabaseClient db) {
        this.db = db;
    }

    /** The stations, loaded once and after each change. */
    Mono<List<Station>> all() {
        List<Station> known = cached.get();
        if (known != null) {
            return Mono.just(known);
        }
        return db.sql("select * from station order by id")
                .map(r ->
                        new Station(r.get("id", String.class), r.get("lon", Double.class), r.get("lat", Double.class)))
                .all()
                .collectList()
                .doOnNext(cached::set);
    }

    /** The station nearest the point, if any is known. */
    static Optional<Station> nearest(List<Station> stations, double lon, double lat) {
        return stations.stream().min(Comparator.comparingDouble(s -> Distance.km(lon, lat, s.lon(), s.lat())));
    }

    Mono<Void> saveStation(Station s) {
        return db.sql("""
                insert into station (id, lon, lat) values (:id, :lon, :lat)
                on conflict (id) do update set lon = excluded.lon, lat = excluded.lat""")
                .bind("id", s.id())
                .bind("lon", s.lon())
                .bind("lat", s.lat())
                .fetch()
                .rowsUpdated()
                .doOnNext(n -> cached.set(null))
                .then();
    }

    /** Whether the station's hour is stored already. */
    Mono<Boolean> hasHour(String stationId, Instant hour) {
        return db.sql("select 1 from station_hour where station_id = :id and hour = :hour")
                .bind("id", stationId)
                .bind("hour", hour.atOffset(java.time.ZoneOffset.UTC))
                .map(r -> true)
                .one()
                .defaultIfEmpty(false);
    }

    /** Stores station hours; returns those that are new or changed. */
    Flux<StationHour> saveHours(List<StationHour> hours) {
        if (hours.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                insert into station_hour (station_id, hour, pm10)
                select * from unnest(:ids::text[], :hours::timestamptz[], :pm10::float8[])
                on conflict (station_id, hour) do update set pm10 = excluded.pm10
                  where station_hour.pm10 is distinct from excluded.pm10
                returning station_id, hour, pm10""")
                .bind("ids", hours.stream().map(StationHour::stationId).toArray(String[]::new))
                .bind(
                        "hours",
                        hours.stream()
                                .map(h -> h.hour().atOffset(ZoneOffset.UTC))
                                .toArray(OffsetDateTime[]::new))
                .bind("pm10", hours.stream().map(StationHour::pm10).toArray(Double[]::new))
                .map(r -> new StationHour(
                        r.get("station_id", String.class), Binds.instant(r, "hour"), r.get("pm10", Double.class)))
                .all();
    }

    /** The known PM10 of those station hours, keyed by station id and hour. */
    Mono<Map<String, Double>> pm10(List<String> stationIds, List<Instant> hours) {
        if (stationIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                select h.station_id, h.hour, h.pm10 from station_hour h
                join unnest(:ids::text[], :hours::timestamptz[]) as k(id, hour) on h.station_id = k.id and h.hour = k.hour""")
                .bind("ids", stationIds.toArray(String[]::new))
                .bind(
                        "hours",
                        hours.stream().map(h -> h.atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new))
                .map(r -> Map.entry(
                        key(r.get("station_id", String.class), Binds.instant(r, "hour")), r.get("pm10", Double.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    static String key(String stationId, Instant hour) {
        return stationId + "@" + hour;
    }
}
