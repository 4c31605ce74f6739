package cn.lantian.stationary.registry;

import cn.lantian.reference.Placement;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Enterprises and facilities in PostgreSQL; every write also appends the new version to the history. */
@Repository
public class Registry {

    private static final String FACILITY_COLUMNS = "id, kind, enterprise_id, parent_id, name, status, jurisdiction, "
            + "corps_unit, lon, lat, attributes, version, updated_at, updated_by";
    private static final String ENTERPRISE_COLUMNS = "id, credit_code, name, industry, grade, ultra_low, jurisdiction, "
            + "corps_unit, lon, lat, version, updated_at, updated_by";

    private final DatabaseClient db;
    private final ObjectMapper json;

    public Registry(DatabaseClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The facility with that id. */
    public Mono<Facility> facility(String id) {
        return db.sql("select " + FACILITY_COLUMNS + " from facility where id = :id")
                .bind("id", id)
                .map(r -> facility(r))
                .one();
    }

    /** The enterprise with that id. */
    public Mono<Enterprise> enterprise(String id) {
        return db.sql("select " + ENTERPRISE_COLUMNS + " from enterprise where id = :id")
                .bind("id", id)
                .map(r -> enterprise(r))
                .one();
    }

    /** Every facility of one kind (for the daily rule run). */
    public Flux<Facility> facilitiesOfKind(String kind) {
        return db.sql("select " + FACILITY_COLUMNS + " from facility where kind = :kind order by id")
                .bind("kind", kind)
                .map(r -> facility(r))
                .all();
    }

    /** Every enterprise (for the daily rule run). */
    public Flux<Enterprise> enterprises() {
        return db.sql("select " + ENTERPRISE_COLUMNS + " from enterprise order by id")
                .map(r -> enterprise(r))
                .all();
    }

    /**
     * One page of facilities ordered by id.
     *
     * @param units the jurisdictions whose records are visible, null for all
     * @param filters column filters: kind, enterpriseId, jurisdiction, status, fuel
     */
    public Flux<Facility> facilities(List<String> units, Map<String, String> filters, String after, int limit) {
        StringBuilder sql = new StringBuilder("select " + FACILITY_COLUMNS + " from facility where true");
        Map<String, Object> binds = new LinkedHashMap<>();
        visibility(units, sql, binds);
        filter(sql, binds, filters, "kind", "kind");
        filter(sql, binds, filters, "enterpriseId", "enterprise_id");
        filter(sql, binds, filters, "status", "status");
        filter(sql, binds, filters, "fuel", "attributes->>'fuel'");
        return page(sql, binds, filters, after, limit).map(r -> facility(r)).all();
    }

    /** One page of enterprises ordered by id, filtered like {@link #facilities}. */
    public Flux<Enterprise> enterprises(List<String> units, Map<String, String> filters, String after, int limit) {
        StringBuilder sql = new StringBuilder("select " + ENTERPRISE_COLUMNS + " from enterprise where true");
        Map<String, Object> binds = new LinkedHashMap<>();
        visibility(units, sql, binds);
        filter(sql, binds, filters, "industry", "industry");
        filter(sql, binds, filters, "grade", "grade");
        return page(sql, binds, filters, after, limit).map(r -> enterprise(r)).all();
    }

    /** Adds the jurisdiction filter (county or Corps unit), the cursor and the page size, and binds everything. */
    private DatabaseClient.GenericExecuteSpec page(
            StringBuilder sql, Map<String, Object> binds, Map<String, String> filters, String after, int limit) {
        if (filters.get("jurisdiction") != null) {
            sql.append(" and (jurisdiction = :j or corps_unit = :j)");
            binds.put("j", filters.get("jurisdiction"));
        }
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
        return spec;
    }

    /** Inserts or replaces the enterprise (the version is the caller's) and appends it to the history. */
    public Mono<Enterprise> save(Enterprise e) {
        String sql =
                "insert into enterprise (" + ENTERPRISE_COLUMNS + ") values (:id, :code, :name, :industry, :grade, "
                        + ":ultraLow, :jurisdiction, :corps, :lon, :lat, :version, :at, :by) on conflict (id) do update set "
                        + "credit_code = excluded.credit_code, name = excluded.name, industry = excluded.industry, "
                        + "grade = excluded.grade, ultra_low = excluded.ultra_low, jurisdiction = excluded.jurisdiction, "
                        + "corps_unit = excluded.corps_unit, lon = excluded.lon, lat = excluded.lat, version = excluded.version, "
                        + "updated_at = excluded.updated_at, updated_by = excluded.updated_by";
        DatabaseClient.GenericExecuteSpec spec =
                db.sql(sql).bind("id", e.id()).bind("code", e.creditCode()).bind("name", e.name());
        spec = nullable(spec, "industry", e.industry(), String.class);
        spec = nullable(spec, "grade", e.grade(), String.class);
        spec = nullable(spec, "corps", e.placement().corpsUnit(), String.class);
        return spec.bind("ultraLow", e.ultraLow())
                .bind("jurisdiction", e.placement().jurisdiction())
                .bind("lon", e.lon())
                .bind("lat", e.lat())
                .bind("version", e.version())
                .bind("at", OffsetDateTime.ofInstant(e.updatedAt(), java.time.ZoneOffset.UTC))
                .bind("by", e.updatedBy())
                .then()
                .then(history("enterprise", e.id(), e.version(), json.valueToTree(e), e.updatedAt(), e.updatedBy()))
                .thenReturn(e);
    }

    /** Inserts or replaces the facility and appends it to the history. */
    public Mono<Facility> save(Facility f) {
        String sql = "insert into facility (" + FACILITY_COLUMNS + ") values (:id, :kind, :enterprise, :parent, :name, "
                + ":status, :jurisdiction, :corps, :lon, :lat, :attributes, :version, :at, :by) on conflict (id) do update "
                + "set kind = excluded.kind, enterprise_id = excluded.enterprise_id, parent_id = excluded.parent_id, "
                + "name = excluded.name, status = excluded.status, jurisdiction = excluded.jurisdiction, "
                + "corps_unit = excluded.corps_unit, lon = excluded.lon, lat = excluded.lat, "
                + "attributes = excluded.attributes, version = excluded.version, updated_at = excluded.updated_at, "
                + "updated_by = excluded.updated_by";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql)
                .bind("id", f.id())
                .bind("kind", f.kind())
                .bind("enterprise", f.enterpriseId())
                .bind("name", f.name())
                .bind("status", f.status());
        spec = nullable(spec, "parent", f.parentId(), String.class);
        spec = nullable(spec, "corps", f.placement().corpsUnit(), String.class);
        return spec.bind("jurisdiction", f.placement().jurisdiction())
                .bind("lon", f.lon())
                .bind("lat", f.lat())
                .bind("attributes", Json.of(json.writeValueAsString(f.attributes())))
                .bind("version", f.version())
                .bind("at", OffsetDateTime.ofInstant(f.updatedAt(), java.time.ZoneOffset.UTC))
                .bind("by", f.updatedBy())
                .then()
                .then(history("facility", f.id(), f.version(), json.valueToTree(f), f.updatedAt(), f.updatedBy()))
                .thenReturn(f);
    }

    /** Appends one version of any record (enterprise, facility, permit) to the append-only history. */
    public Mono<Void> history(String entity, String id, int version, JsonNode snapshot, Instant at, String by) {
        return db.sql("insert into registry_history (entity, entity_id, version, snapshot, changed_at, changed_by) "
                        + "values (:entity, :id, :version, :snapshot, :at, :by)")
                .bind("entity", entity)
                .bind("id", id)
                .bind("version", version)
                .bind("snapshot", Json.of(json.writeValueAsString(snapshot)))
                .bind("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .bind("by", by)
                .then();
    }

    /** Every version of a record, oldest first. */
    public Flux<HistoryEntry> historyOf(String entity, String id) {
        return db.sql("select version, changed_at, changed_by, snapshot from registry_history "
                        + "where entity = :entity and entity_id = :id order by version")
                .bind("entity", entity)
                .bind("id", id)
                .map(r -> new HistoryEntry(
                        r.get("version", Integer.class),
                        r.get("changed_at", OffsetDateTime.class).toInstant(),
                        r.get("changed_by", String.class),
                        json.readTree(r.get("snapshot", Json.class).asString())))
                .all();
    }

    private static void visibility(List<String> units, StringBuilder sql, Map<String, Object> binds) {
        if (units != null) {
            sql.append(" and (jurisdiction = any(:units) or corps_unit = any(:units))");
            binds.put("units", units.toArray(String[]::new));
        }
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

    private static <T> DatabaseClient.GenericExecuteSpec nullable(
            DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private Facility facility(Readable r) {
        return new Facility(
                r.get("id", String.class),
                r.get("kind", String.class),
                r.get("enterprise_id", String.class),
                r.get("parent_id", String.class),
                r.get("name", String.class),
                r.get("status", String.class),
                new Placement(r.get("jurisdiction", String.class), r.get("corps_unit", String.class)),
                r.get("lon", Double.class),
                r.get("lat", Double.class),
                json.readTree(r.get("attributes", Json.class).asString()),
                r.get("version", Integer.class),
                r.get("updated_at", OffsetDateTime.class).toInstant(),
                r.get("updated_by", String.class));
    }

    private static Enterprise enterprise(Readable r) {
        return new Enterprise(
                r.get("id", String.class),
                r.get("credit_code", String.class),
                r.get("name", String.class),
                r.get("industry", String.class),
                r.get("grade", String.class),
                r.get("ultra_low", String.class),
                new Placement(r.get("jurisdiction", String.class), r.get("corps_unit", String.class)),
                r.get("lon", Double.class),
                r.get("lat", Double.class),
                r.get("version", Integer.class),
                r.get("updated_at", OffsetDateTime.class).toInstant(),
                r.get("updated_by", String.class));
    }
}
