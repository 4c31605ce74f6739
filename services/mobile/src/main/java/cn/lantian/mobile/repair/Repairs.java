package cn.lantian.mobile.repair;

import cn.lantian.reference.Placement;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** M stations and their repairs in PostgreSQL. */
@Repository
public class Repairs {

    private static final String STATION_COLUMNS = "id, name, licence, jurisdiction, corps_unit, updated_at, updated_by";
    private static final String REPAIR_COLUMNS =
            "id, station_id, plate, vehicle_id, repaired_at, work, jurisdiction, corps_unit";

    private final DatabaseClient db;

    Repairs(DatabaseClient db) {
        this.db = db;
    }

    /** The M station with that id. */
    public Mono<RepairStation> station(String id) {
        return db.sql("select " + STATION_COLUMNS + " from repair_station where id = :id")
                .bind("id", id)
                .map(Repairs::readStation)
                .one();
    }

    /** Inserts or replaces an M station. */
    public Mono<RepairStation> save(RepairStation s) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into repair_station (" + STATION_COLUMNS
                        + ") values (:id, :name, :licence, :jurisdiction, :corps, :at, :by) on conflict (id) do update "
                        + "set name = excluded.name, licence = excluded.licence, jurisdiction = excluded.jurisdiction, "
                        + "corps_unit = excluded.corps_unit, updated_at = excluded.updated_at, "
                        + "updated_by = excluded.updated_by")
                .bind("id", s.id())
                .bind("name", s.name())
                .bind("licence", s.licence())
                .bind("jurisdiction", s.placement().jurisdiction())
                .bind("at", OffsetDateTime.ofInstant(s.updatedAt(), ZoneOffset.UTC))
                .bind("by", s.updatedBy());
        spec = s.placement().corpsUnit() == null
                ? spec.bindNull("corps", String.class)
                : spec.bind("corps", s.placement().corpsUnit());
        return spec.then().thenReturn(s);
    }

    /** Records a repair; a repair already recorded under that id is left as it is. */
    public Mono<Boolean> record(Repair r, Placement placement, String by, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into repair (" + REPAIR_COLUMNS
                        + ", recorded_at, recorded_by) values (:id, :station, :plate, :vehicle, :repaired, :work, "
                        + ":jurisdiction, :corps, :at, :by) on conflict (id) do nothing")
                .bind("id", r.id())
                .bind("station", r.stationId())
                .bind("plate", r.plate())
                .bind("repaired", OffsetDateTime.ofInstant(r.repairedAt(), ZoneOffset.UTC))
                .bind("work", r.work())
                .bind("jurisdiction", placement.jurisdiction())
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .bind("by", by);
        spec = r.vehicleId() == null ? spec.bindNull("vehicle", String.class) : spec.bind("vehicle", r.vehicleId());
        spec = placement.corpsUnit() == null
                ? spec.bindNull("corps", String.class)
                : spec.bind("corps", placement.corpsUnit());
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    /** The repairs of those vehicles up to that instant, oldest first. */
    public Flux<Repair> ofPlates(List<String> plates, Instant until) {
        return db.sql("select " + REPAIR_COLUMNS + " from repair where plate = any(:plates) and repaired_at <= :until "
                        + "order by repaired_at, id")
                .bind("plates", plates.toArray(String[]::new))
                .bind("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .map(Repairs::readRepair)
                .all();
    }

    /** One page of M stations ordered by id, filtered to the visible units (null for all). */
    Flux<RepairStation> stations(List<String> units, String after, int limit) {
        String sql = "select " + STATION_COLUMNS + " from repair_station where true"
                + (units == null ? "" : " and (jurisdiction = any(:units) or corps_unit = any(:units))")
                + (after == null ? "" : " and id > :after") + " order by id limit :limit";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("limit", limit);
        if (units != null) {
            spec = spec.bind("units", units.toArray(String[]::new));
        }
        if (after != null) {
            spec = spec.bind("after", after);
        }
        return spec.map(Repairs::readStation).all();
    }

    /** One page of repairs ordered by id, filtered to the visible units (null for all). */
    Flux<Repair> page(List<String> units, String plate, String station, String after, int limit) {
        String sql = "select " + REPAIR_COLUMNS + " from repair where true"
                + (units == null ? "" : " and (jurisdiction = any(:units) or corps_unit = any(:units))")
                + (plate == null ? "" : " and plate = :plate")
                + (station == null ? "" : " and station_id = :station")
                + (after == null ? "" : " and id > :after") + " order by id limit :limit";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("limit", limit);
        if (units != null) {
            spec = spec.bind("units", units.toArray(String[]::new));
        }
        if (plate != null) {
            spec = spec.bind("plate", plate);
        }
        if (station != null) {
            spec = spec.bind("station", station);
        }
        if (after != null) {
            spec = spec.bind("after", after);
        }
        return spec.map(Repairs::readRepair).all();
    }

    private static RepairStation readStation(Readable r) {
        String jurisdiction = r.get("jurisdiction", String.class);
        String corps = r.get("corps_unit", String.class);
        return new RepairStation(
                r.get("id", String.class),
                r.get("name", String.class),
                r.get("licence", String.class),
                corps != null ? corps : jurisdiction,
                r.get("updated_at", OffsetDateTime.class).toInstant(),
                r.get("updated_by", String.class),
                new Placement(jurisdiction, corps));
    }

    private static Repair readRepair(Readable r) {
        String jurisdiction = r.get("jurisdiction", String.class);
        String corps = r.get("corps_unit", String.class);
        return new Repair(
                r.get("id", String.class),
                r.get("station_id", String.class),
                r.get("plate", String.class),
                r.get("vehicle_id", String.class),
                r.get("repaired_at", OffsetDateTime.class).toInstant(),
                r.get("work", String.class),
                corps != null ? corps : jurisdiction);
    }
}
