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
                        row.get("kind", String.class),
                        row.get("longitude", Double.class),
                        row.get("latitude", Double.class),
                        row.get("jurisdiction", String.class),
                        row.get("corps_unit", String.class)))
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
                insert into station (id, name_zh, name_en, kind, longitude, latitude, jurisdiction, corps_unit)
                values (:id, :nameZh, :nameEn, :kind, :lon, :lat, :jurisdiction, :corps)
                on conflict (id) do update set name_zh = excluded.name_zh, name_en = excluded.name_en, kind = excluded.kind,
                  longitude = excluded.longitude, latitude = excluded.latitude, jurisdiction = excluded.jurisdiction,
                  corps_unit = excluded.corps_unit""")
                .bind("id", s.id())
                .bind("nameZh", s.nameZh())
                .bind("nameEn", s.nameEn() == null ? "" : s.nameEn())
                .bind("kind", s.kind())
                .bind("lon", s.longitude())
                .bind("lat", s.latitude())
                .bind("jurisdiction", s.jurisdiction());
        spec = s.corpsUnit() == null ? spec.bindNull("corps", String.class) : spec.bind("corps", s.corpsUnit());
        return spec.then();
    }

    /** Adds or replaces several stations. */
    public Mono<Void> saveAll(List<Station> stations) {
        return Flux.fromIterable(stations).concatMap(this::save).then();
    }
}
