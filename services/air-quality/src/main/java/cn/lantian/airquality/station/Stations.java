package cn.lantian.airquality.station;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The station register in PostgreSQL. */
@Repository
public class Stations {

    private final DatabaseClient db;

    public Stations(DatabaseClient db) {
        this.db = db;
    }

    /** Every station, ordered by id. */
    public Flux<Station> all() {
        return db.sql("select * from station order by id")
                .map((row, meta) -> new Station(
                        row.get("id", String.class),
                        row.get("name_zh", String.class),
                        row.get("name_en", String.class),
                        row.get("name_ug", String.class),
                        row.get("kind", String.class),
                        row.get("longitude", Double.class),
                        row.get("latitude", Double.class),
                        row.get("jurisdiction", String.class),
                        row.get("corps_unit", String.class),
                        row.get("operator", String.class),
                        row.get("elevation_m", Double.class),
                        row.get("operating_since", java.time.LocalDate.class)))
                .all();
    }

    /** Every station by id. */
    public Mono<Map<String, Station>> byId() {
        return all().collectList()
                .map(list -> list.stream().collect(Collectors.toMap(Station::id, Function.identity())));
    }

    /** Adds or replaces a station. */
    public Mono<Void> save(Station s) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                insert into station (id, name_zh, name_en, name_ug, kind, longitude, latitude, jurisdiction, corps_unit,
                  operator, elevation_m, operating_since)
                values (:id, :nameZh, :nameEn, :nameUg, :kind, :lon, :lat, :jurisdiction, :corps, :operator, :elevation,
                  :since)
                on conflict (id) do update set name_zh = excluded.name_zh, name_en = excluded.name_en,
                  name_ug = excluded.name_ug, kind = excluded.kind, longitude = excluded.longitude,
                  latitude = excluded.latitude, jurisdiction = excluded.jurisdiction, corps_unit = excluded.corps_unit,
                  operator = excluded.operator, elevation_m = excluded.elevation_m,
                  operating_since = excluded.operating_since""")
                .bind("id", s.id())
                .bind("nameZh", s.nameZh())
                .bind("nameEn", s.nameEn() == null ? "" : s.nameEn())
                .bind("kind", s.kind())
                .bind("lon", s.longitude())
                .bind("lat", s.latitude())
                .bind("jurisdiction", s.jurisdiction());
        spec = s.corpsUnit() == null ? spec.bindNull("corps", String.class) : spec.bind("corps", s.corpsUnit());
        spec = s.nameUg() == null ? spec.bindNull("nameUg", String.class) : spec.bind("nameUg", s.nameUg());
        spec = s.operator() == null ? spec.bindNull("operator", String.class) : spec.bind("operator", s.operator());
        spec = s.elevationM() == null
                ? spec.bindNull("elevation", Double.class)
                : spec.bind("elevation", s.elevationM());
        spec = s.operatingSince() == null
                ? spec.bindNull("since", java.time.LocalDate.class)
                : spec.bind("since", s.operatingSince());
        return spec.then();
    }

    /** Adds or replaces several stations. */
    public Mono<Void> saveAll(List<Station> stations) {
        return Flux.fromIterable(stations).concatMap(this::save).then();
    }
}
