package cn.lantian.dust.site;

import cn.lantian.dust.db.Binds;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The inspection table and the violations that failed items record. */
@Repository
class Inspections {

    private final DatabaseClient db;
    private final ObjectMapper json;

    Inspections(DatabaseClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Inserts an inspection; false when its id exists already. */
    Mono<Boolean> insert(Inspection i) {
        return db.sql("""
                insert into inspection (id, site_id, inspected_at, inspector, items, failed)
                values (:id, :site, :at, :inspector, :items::jsonb, :failed) on conflict (id) do nothing""")
                .bind("id", i.id())
                .bind("site", i.siteId())
                .bind("at", i.inspectedAt().atOffset(ZoneOffset.UTC))
                .bind("inspector", i.inspector())
                .bind("items", json.writeValueAsString(i.items()))
                .bind("failed", i.failed().toArray(String[]::new))
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    /** The site's inspections, newest first. */
    Flux<Inspection> ofSite(String siteId, int limit) {
        return db.sql("select * from inspection where site_id = :site order by inspected_at desc, id limit :limit")
                .bind("site", siteId)
                .bind("limit", limit)
                .map(r -> new Inspection(
                        r.get("id", String.class),
                        r.get("site_id", String.class),
                        Binds.instant(r, "inspected_at"),
                        r.get("inspector", String.class),
                        json.readValue(
                                r.get("items", String.class), new TypeReference<List<InspectionInput.Item>>() {}),
                        Arrays.asList(r.get("failed", String[].class))))
                .all();
    }

    /** Records a violation once; true when it is new. */
    Mono<Boolean> violation(
            String id, String siteId, String kind, String measure, java.time.Instant at, String detailJson) {
        return db.sql("""
                insert into site_violation (id, site_id, kind, measure, at, detail)
                values (:id, :site, :kind, :measure, :at, :detail::jsonb) on conflict do nothing""")
                .bind("id", id)
                .bind("site", siteId)
                .bind("kind", kind)
                .bind("measure", measure)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("detail", detailJson)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }
}
