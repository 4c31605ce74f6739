package cn.lantian.greening.disclosure;

import cn.lantian.greening.rules.Rules;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads what the public may see of projects and closure areas, as GeoJSON features: boundary, programme, areas,
 * placement and latest survival rate; no forest chief's name and no violation.
 */
@Repository
class PublicMaps {

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Rules rules;

    PublicMaps(DatabaseClient db, JsonMapper json, Rules rules) {
        this.db = db;
        this.json = json;
        this.rules = rules;
    }

    Mono<ObjectNode> projects(String county, Integer year) {
        String sql = """
                select p.id, p.name, p.programme, p.species, p.planting_season, p.planting_year, p.planned_ha,
                       p.planted_ha, p.jurisdiction, p.corps_unit, p.boundary::text as boundary,
                       (select rate_percent from survival_check c where c.project_id = p.id
                         order by checked_on desc limit 1) as survival
                  from project p where true""" + (county == null ? "" : " and (p.jurisdiction = :c or p.corps_unit = :c)")
                + (year == null ? "" : " and p.planting_year = :y") + " order by p.id limit 5000";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        if (county != null) {
            spec = spec.bind("c", county);
        }
        if (year != null) {
            spec = spec.bind("y", year);
        }
        return spec.map(r -> {
                    ObjectNode p = JsonNodeFactory.instance.objectNode();
                    p.put("id", r.get("id", String.class));
                    p.put("name", r.get("name", String.class));
                    p.put("programme", r.get("programme", String.class));
                    ArrayNode species = p.putArray("species");
                    for (String s : r.get("species", String[].class)) {
                        species.add(s);
                    }
                    p.put("plantingSeason", r.get("planting_season", String.class));
                    p.put("plantingYear", r.get("planting_year", Integer.class));
                    area(p, "planned", r.get("planned_ha", Double.class));
                    area(p, "planted", r.get("planted_ha", Double.class));
                    p.put("jurisdiction", r.get("jurisdiction", String.class));
                    p.put("corpsUnit", r.get("corps_unit", String.class));
                    Double survival = r.get("survival", Double.class);
                    if (survival == null) {
                        p.putNull("survivalPercent");
                    } else {
                        p.put("survivalPercent", survival);
                    }
                    return feature(r.get("boundary", String.class), p);
                })
                .all()
                .collectList()
                .map(features -> collection(features, "Afforestation projects"));
    }

    Mono<ObjectNode> closureAreas() {
        return db.sql("select id, name, level, designation, designated_year, assumed, boundary_note, area_ha, "
                        + "jurisdiction, corps_unit, work_items::text as work_items, boundary::text as boundary "
                        + "from closure_area order by id limit 1000")
                .map(r -> {
                    ObjectNode p = JsonNodeFactory.instance.objectNode();
                    p.put("id", r.get("id", String.class));
                    p.put("name", r.get("name", String.class));
                    p.put("level", r.get("level", String.class));
                    p.put("designation", r.get("designation", String.class));
                    Integer year = r.get("designated_year", Integer.class);
                    if (year == null) {
                        p.putNull("designatedYear");
                    } else {
                        p.put("designatedYear", year);
                    }
                    p.put("assumed", Boolean.TRUE.equals(r.get("assumed", Boolean.class)));
                    p.put("boundaryNote", r.get("boundary_note", String.class));
                    area(p, "area", r.get("area_ha", Double.class));
                    p.put("jurisdiction", r.get("jurisdiction", String.class));
                    p.put("corpsUnit", r.get("corps_unit", String.class));
                    ObjectNode items = p.putObject("workItems");
                    json.readTree(r.get("work_items", String.class))
                            .properties()
                            .forEach(e -> items.put(
                                    e.getKey(), e.getValue().path("status").asString()));
                    return feature(r.get("boundary", String.class), p);
                })
                .all()
                .collectList()
                .map(features -> collection(features, "Sand-closure protection areas"));
    }

    private void area(ObjectNode node, String name, double hectares) {
        ObjectNode a = node.putObject(name);
        a.put("hectares", Math.round(hectares * 10_000) / 10_000.0);
        a.put("mu", Math.round(rules.mu(hectares) * 100) / 100.0);
    }

    private ObjectNode feature(String geometry, ObjectNode properties) {
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        f.put("type", "Feature");
        f.put("id", properties.get("id").asString());
        f.set("geometry", json.readTree(geometry));
        f.set("properties", properties);
        return f;
    }

    private static ObjectNode collection(java.util.List<ObjectNode> features, String title) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("type", "FeatureCollection");
        c.put("title", title);
        c.put("generated", LocalDate.now().toString());
        ArrayNode array = c.putArray("features");
        features.forEach(array::add);
        return c;
    }
}
