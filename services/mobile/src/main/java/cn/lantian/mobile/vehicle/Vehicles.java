package cn.lantian.mobile.vehicle;

import cn.lantian.reference.Placement;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/** Vehicles in PostgreSQL; every write also appends the new version to the history. */
@Repository
public class Vehicles {

    /** The columns {@link #read} expects. */
    public static final String COLUMNS =
            "id, plate, vin, kind, fuel, emission_stage, certified_on, operating_freight, owner, "
                    + "jurisdiction, corps_unit, status, deregistered_on, version, updated_at, updated_by";

    private final DatabaseClient db;
    private final ObjectMapper json;

    public Vehicles(DatabaseClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The vehicle with that id. */
    public Mono<Vehicle> byId(String id) {
        return db.sql("select " + COLUMNS + " from vehicle where id = :id")
                .bind("id", id)
                .map(Vehicles::read)
                .one();
    }

    /** The vehicle with that plate. */
    public Mono<Vehicle> byPlate(String plate) {
        return db.sql("select " + COLUMNS + " from vehicle where plate = :p")
                .bind("p", plate)
                .map(Vehicles::read)
                .one();
    }

    /** The vehicles with those plates, by plate. */
    public Mono<Map<String, Vehicle>> byPlates(List<String> plates) {
        return db.sql("select " + COLUMNS + " from vehicle where plate = any(:p)")
                .bind("p", plates.toArray(String[]::new))
                .map(Vehicles::read)
                .all()
                .collectMap(Vehicle::plate);
    }

    /**
     * One page of vehicles ordered by id.
     *
     * @param units the jurisdictions whose records are visible, null for all
     * @param filters jurisdiction, kind, fuel, stage, status, plate
     */
    public Flux<Vehicle> page(List<String> units, Map<String, String> filters, String after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from vehicle where true");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (units != null) {
            sql.append(" and (jurisdiction = any(:units) or corps_unit = any(:units))");
            binds.put("units", units.toArray(String[]::new));
        }
        if (filters.get("jurisdiction") != null) {
            sql.append(" and (jurisdiction = :j or corps_unit = :j)");
            binds.put("j", filters.get("jurisdiction"));
        }
        filter(sql, binds, filters, "kind", "kind");
        filter(sql, binds, filters, "fuel", "fuel");
        filter(sql, binds, filters, "stage", "emission_stage");
        filter(sql, binds, filters, "status", "status");
        filter(sql, binds, filters, "plate", "plate");
        if (after != null) {
            sql.append(" and id > :after");
            binds.put("after", after);
        }
        sql.append(" order by id limit :limit");
        binds.put("limit", limit);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec.map(Vehicles::read).all();
    }

    /** Inserts or replaces the vehicle (the version is the caller's) and appends it to the history. */
    public Mono<Vehicle> save(Vehicle v) {
        String sql =
                "insert into vehicle (" + COLUMNS + ") values (:id, :plate, :vin, :kind, :fuel, :stage, :certified, "
                        + ":freight, :owner, :jurisdiction, :corps, :status, :deregistered, :version, :at, :by) "
                        + "on conflict (id) do update set plate = excluded.plate, vin = excluded.vin, kind = excluded.kind, "
                        + "fuel = excluded.fuel, emission_stage = excluded.emission_stage, certified_on = excluded.certified_on, "
                        + "operating_freight = excluded.operating_freight, owner = excluded.owner, "
                        + "jurisdiction = excluded.jurisdiction, corps_unit = excluded.corps_unit, status = excluded.status, "
                        + "deregistered_on = excluded.deregistered_on, version = excluded.version, "
                        + "updated_at = excluded.updated_at, updated_by = excluded.updated_by";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql)
                .bind("id", v.id())
                .bind("plate", v.plate())
                .bind("vin", v.vin())
                .bind("kind", v.kind())
                .bind("fuel", v.fuel())
                .bind("stage", v.emissionStage())
                .bind("certified", v.certifiedOn())
                .bind("freight", v.operatingFreight())
                .bind("owner", v.owner())
                .bind("jurisdiction", v.placement().jurisdiction())
                .bind("status", v.status())
                .bind("version", v.version())
                .bind("at", OffsetDateTime.ofInstant(v.updatedAt(), ZoneOffset.UTC))
                .bind("by", v.updatedBy());
        spec = v.placement().corpsUnit() == null
                ? spec.bindNull("corps", String.class)
                : spec.bind("corps", v.placement().corpsUnit());
        spec = v.deregisteredOn() == null
                ? spec.bindNull("deregistered", LocalDate.class)
                : spec.bind("deregistered", v.deregisteredOn());
        return spec.then()
                .then(db.sql("insert into vehicle_history (vehicle_id, version, snapshot, changed_at, changed_by) "
                                + "values (:id, :version, :snapshot, :at, :by)")
                        .bind("id", v.id())
                        .bind("version", v.version())
                        .bind("snapshot", Json.of(json.writeValueAsString(v)))
                        .bind("at", OffsetDateTime.ofInstant(v.updatedAt(), ZoneOffset.UTC))
                        .bind("by", v.updatedBy())
                        .then())
                .thenReturn(v);
    }

    /** Every version of a vehicle, oldest first. */
    public Flux<HistoryEntry> history(String id) {
        return db.sql("select version, changed_at, changed_by, snapshot from vehicle_history where vehicle_id = :id "
                        + "order by version")
                .bind("id", id)
                .map(r -> new HistoryEntry(
                        r.get("version", Integer.class),
                        r.get("changed_at", OffsetDateTime.class).toInstant(),
                        r.get("changed_by", String.class),
                        json.readTree(r.get("snapshot", Json.class).asString())))
                .all();
    }

    private static void filter(
            StringBuilder sql, Map<String, Object> binds, Map<String, String> filters, String param, String column) {
        String value = filters.get(param);
        if (value != null && !value.isBlank()) {
            String name = "f_" + param;
            sql.append(" and ").append(column).append(" = :").append(name);
            binds.put(name, value);
        }
    }

    /** Reads a row selected with {@link #COLUMNS}. */
    public static Vehicle read(Readable r) {
        String jurisdiction = r.get("jurisdiction", String.class);
        String corps = r.get("corps_unit", String.class);
        return new Vehicle(
                r.get("id", String.class),
                r.get("plate", String.class),
                r.get("vin", String.class),
                r.get("kind", String.class),
                r.get("fuel", String.class),
                r.get("emission_stage", String.class),
                r.get("certified_on", LocalDate.class),
                Boolean.TRUE.equals(r.get("operating_freight", Boolean.class)),
                r.get("owner", String.class),
                corps != null ? corps : jurisdiction,
                r.get("status", String.class),
                r.get("deregistered_on", LocalDate.class),
                r.get("version", Integer.class),
                r.get("updated_at", OffsetDateTime.class).toInstant(),
                r.get("updated_by", String.class),
                new Placement(jurisdiction, corps));
    }
}
