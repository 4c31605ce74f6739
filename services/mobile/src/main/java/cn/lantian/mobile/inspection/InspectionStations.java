package cn.lantian.mobile.inspection;

import cn.lantian.reference.Placement;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Inspection stations in PostgreSQL. */
@Repository
public class InspectionStations {

    private static final String COLUMNS = "id, name, licence, jurisdiction, corps_unit, lanes, updated_at, updated_by";

    private final DatabaseClient db;

    InspectionStations(DatabaseClient db) {
        this.db = db;
    }

    /** The station with that id. */
    public Mono<InspectionStation> byId(String id) {
        return db.sql("select " + COLUMNS + " from inspection_station where id = :id")
                .bind("id", id)
                .map(InspectionStations::read)
                .one();
    }

    /** The stations with those ids, by id. */
    Mono<Map<String, InspectionStation>> byIds(Collection<String> ids) {
        return db.sql("select " + COLUMNS + " from inspection_station where id = any(:ids)")
                .bind("ids", ids.toArray(String[]::new))
                .map(InspectionStations::read)
                .all()
                .collectMap(InspectionStation::id);
    }

    /** Every station, by id: the public disclosure lists them all. */
    public Flux<InspectionStation> all() {
        return db.sql("select " + COLUMNS + " from inspection_station order by id")
                .map(InspectionStations::read)
                .all();
    }

    /** One page ordered by id, filtered to the visible units (null for all). */
    Flux<InspectionStation> page(List<String> units, String unit, String after, int limit) {
        String sql = "select " + COLUMNS + " from inspection_station where true"
                + (units == null ? "" : " and (jurisdiction = any(:units) or corps_unit = any(:units))")
                + (unit == null ? "" : " and (jurisdiction = :unit or corps_unit = :unit)")
                + (after == null ? "" : " and id > :after")
                + " order by id limit :limit";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("limit", limit);
        if (units != null) {
            spec = spec.bind("units", units.toArray(String[]::new));
        }
        if (unit != null) {
            spec = spec.bind("unit", unit);
        }
        if (after != null) {
            spec = spec.bind("after", after);
        }
        return spec.map(InspectionStations::read).all();
    }

    /** Inserts or replaces the station. */
    public Mono<InspectionStation> save(InspectionStation s) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into inspection_station (" + COLUMNS
                        + ") values (:id, :name, :licence, :jurisdiction, :corps, :lanes, :at, :by) "
                        + "on conflict (id) do update set name = excluded.name, licence = excluded.licence, "
                        + "jurisdiction = excluded.jurisdiction, corps_unit = excluded.corps_unit, "
                        + "lanes = excluded.lanes, updated_at = excluded.updated_at, updated_by = excluded.updated_by")
                .bind("id", s.id())
                .bind("name", s.name())
                .bind("licence", s.licence())
                .bind("jurisdiction", s.placement().jurisdiction())
                .bind("lanes", s.lanes())
                .bind("at", OffsetDateTime.ofInstant(s.updatedAt(), ZoneOffset.UTC))
                .bind("by", s.updatedBy());
        spec = s.placement().corpsUnit() == null
                ? spec.bindNull("corps", String.class)
                : spec.bind("corps", s.placement().corpsUnit());
        return spec.then().thenReturn(s);
    }

    static InspectionStation read(Readable r) {
        String jurisdiction = r.get("jurisdiction", String.class);
        String corps = r.get("corps_unit", String.class);
        return new InspectionStation(
                r.get("id", String.class),
                r.get("name", String.class),
                r.get("licence", String.class),
                corps != null ? corps : jurisdiction,
                r.get("lanes", Integer.class),
                r.get("updated_at", OffsetDateTime.class).toInstant(),
                r.get("updated_by", String.class),
                new Placement(jurisdiction, corps));
    }
}
