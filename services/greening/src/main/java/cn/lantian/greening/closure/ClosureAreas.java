package cn.lantian.greening.closure;

import cn.lantian.greening.geo.Siting;
import cn.lantian.greening.rules.Areas;
import cn.lantian.greening.rules.Rules;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The closure-area, patrol and violation tables. */
@Repository
class ClosureAreas {

    private static final String SELECT =
            "select id, name, level, designation, designated_year, assumed, boundary_note, "
                    + "area_ha, jurisdiction, corps_unit, shares::text as shares, work_items::text as work_items, "
                    + "boundary::text as boundary from closure_area";

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Rules rules;

    ClosureAreas(DatabaseClient db, JsonMapper json, Rules rules) {
        this.db = db;
        this.json = json;
        this.rules = rules;
    }

    Mono<Void> insert(
            String id,
            ClosureInput in,
            JsonNode boundary,
            Siting.Site site,
            Map<String, ClosureInput.WorkItem> workItems,
            boolean demo) {
        List<Map<String, Object>> shares = site.shares().stream()
                .map(s -> Map.<String, Object>of("unit", s.unit(), "hectares", s.hectares(), "share", s.share()))
                .toList();
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into closure_area (id, name, level, designation, designated_year, assumed, boundary_note,
                            boundary, area_ha, jurisdiction, corps_unit, shares, work_items, demo)
                        values (:id, :name, :level, :designation, :year, :assumed, :note, :boundary::jsonb, :ha,
                            :jurisdiction, :corps, :shares::jsonb, :items::jsonb, :demo)""")
                .bind("id", id)
                .bind("name", in.name())
                .bind("level", in.level())
                .bind("assumed", Boolean.TRUE.equals(in.assumed()))
                .bind("boundary", boundary.toString())
                .bind("ha", site.hectares())
                .bind("jurisdiction", site.placement().jurisdiction())
                .bind("shares", json.writeValueAsString(shares))
                .bind("items", json.writeValueAsString(workItems))
                .bind("demo", demo);
        spec = nullable(spec, "designation", in.designation(), String.class);
        spec = nullable(spec, "year", in.designatedYear(), Integer.class);
        spec = nullable(spec, "note", in.boundaryNote(), String.class);
        spec = nullable(spec, "corps", site.placement().corpsUnit(), String.class);
        return spec.then();
    }

    Mono<ClosureArea> find(String id) {
        return db.sql(SELECT + " where id = :id").bind("id", id).map(this::area).one();
    }

    Flux<ClosureArea> list(List<String> visible) {
        return visible == null
                ? db.sql(SELECT + " order by id").map(this::area).all()
                : db.sql(SELECT + " where jurisdiction = any(:v) or corps_unit = any(:v) order by id")
                        .bind("v", visible.toArray(String[]::new))
                        .map(this::area)
                        .all();
    }

    Mono<Void> workItem(String id, String item, ClosureInput.WorkItem state) {
        return db.sql("update closure_area set work_items = jsonb_set(work_items, array[:item], :state::jsonb) "
                        + "where id = :id")
                .bind("item", item)
                .bind("state", json.writeValueAsString(state))
                .bind("id", id)
                .then();
    }

    Mono<Void> insertPatrol(String id, String areaId, PatrolInput in) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into patrol (id, area_id, patrolled_on, rangers, "
                        + "distance_km, note) values (:id, :area, :on, :rangers, :km, :note)")
                .bind("id", id)
                .bind("area", areaId)
                .bind("on", in.patrolledOn())
                .bind("rangers", in.rangers());
        spec = nullable(spec, "km", in.distanceKm(), Double.class);
        return nullable(spec, "note", in.note(), String.class).then();
    }

    Mono<Void> insertViolation(String id, String areaId, String patrolId, PatrolInput.Found v) {
        return nullable(
                        db.sql("insert into violation (id, area_id, patrol_id, kind, found_at, lon, lat, description) "
                                        + "values (:id, :area, :patrol, :kind, :at, :lon, :lat, :d)")
                                .bind("id", id)
                                .bind("area", areaId)
                                .bind("patrol", patrolId)
                                .bind("kind", v.kind())
                                .bind("at", v.foundAt())
                                .bind("lon", v.lon())
                                .bind("lat", v.lat()),
                        "d",
                        v.description(),
                        String.class)
                .then();
    }

    /** A patrol as listed. */
    record Patrol(String id, LocalDate patrolledOn, int rangers, Double distanceKm, String note, long violations) {}

    /** A violation as listed. */
    record Violation(
            String id,
            String patrolId,
            String kind,
            OffsetDateTime foundAt,
            double lon,
            double lat,
            String description) {}

    Flux<Patrol> patrols(String areaId) {
        return db.sql("select p.*, (select count(*) from violation v where v.patrol_id = p.id) as n from patrol p "
                        + "where p.area_id = :a order by p.patrolled_on desc, p.id limit 200")
                .bind("a", areaId)
                .map(r -> new Patrol(
                        r.get("id", String.class),
                        r.get("patrolled_on", LocalDate.class),
                        r.get("rangers", Integer.class),
                        r.get("distance_km", Double.class),
                        r.get("note", String.class),
                        r.get("n", Long.class)))
                .all();
    }

    Flux<Violation> violations(String areaId) {
        return db.sql("select * from violation where area_id = :a order by found_at desc, id limit 200")
                .bind("a", areaId)
                .map(r -> new Violation(
                        r.get("id", String.class),
                        r.get("patrol_id", String.class),
                        r.get("kind", String.class),
                        r.get("found_at", OffsetDateTime.class),
                        r.get("lon", Double.class),
                        r.get("lat", Double.class),
                        r.get("description", String.class)))
                .all();
    }

    private ClosureArea area(Readable r) {
        List<Map<String, Object>> shares =
                json.readValue(r.get("shares", String.class), new TypeReference<List<Map<String, Object>>>() {});
        Map<String, ClosureInput.WorkItem> items = json.readValue(
                r.get("work_items", String.class),
                new TypeReference<LinkedHashMap<String, ClosureInput.WorkItem>>() {});
        return new ClosureArea(
                r.get("id", String.class),
                r.get("name", String.class),
                r.get("level", String.class),
                r.get("designation", String.class),
                r.get("designated_year", Integer.class),
                Boolean.TRUE.equals(r.get("assumed", Boolean.class)),
                r.get("boundary_note", String.class),
                Areas.of(r.get("area_ha", Double.class), rules),
                r.get("jurisdiction", String.class),
                r.get("corps_unit", String.class),
                shares,
                items,
                json.readTree(r.get("boundary", String.class)));
    }

    private static DatabaseClient.GenericExecuteSpec nullable(
            DatabaseClient.GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
